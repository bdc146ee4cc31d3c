# kind: dos
# expect: blocked
# desc: the exact builtin's slot read from the type: str.__mul__, tuple.__mul__
str.__mul__('ab', 10 ** 9)
