# kind: escape
# expect: blocked
# desc: mutating the input data through aliases, echo round trips and nested containers
d = data
d[2]['k'].append(99)
d.append(d)
echo(d)[0] = 'changed'
x = echo(data[2])
x['k'].clear()
data[2]['k'] *= 10
del data[0]
repr(data)[:50]
