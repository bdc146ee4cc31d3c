# kind: dos
# expect: blocked
# desc: set(iter(object, 1)) never ends
set(iter(object, 1))
