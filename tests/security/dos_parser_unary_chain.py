# kind: dos
# expect: blocked
# desc: 100000 chained unary operators
# generate: 'x = ' + 'not ' * 100000 + '1'
# (the runner builds this snippet's source from the generate expression above)
