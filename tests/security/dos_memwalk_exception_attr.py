# kind: dos
# expect: blocked
# desc: data grown in a list held by an exception attribute
e = ValueError([])
while True:
    e.args[0].append([1] * 10000)
