# kind: dos
# expect: blocked
# desc: a 300000-deep chain of conditional expressions
# generate: 'x = ' + '1 if 1 else ' * 300000 + '1'
# (the runner builds this snippet's source from the generate expression above)

