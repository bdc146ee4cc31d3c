# kind: dos
# expect: blocked
# margin: 0.5
# desc: dict.fromkeys(iter(object, 1)): a dict of fresh objects built natively (its teardown after the limit is not interruptible)
dict.fromkeys(iter(object, 1))
