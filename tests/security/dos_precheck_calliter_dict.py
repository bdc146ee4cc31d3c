# kind: dos
# expect: blocked
# desc: dict.fromkeys(iter(object, 1)): a dict of fresh objects built natively
dict.fromkeys(iter(object, 1))
