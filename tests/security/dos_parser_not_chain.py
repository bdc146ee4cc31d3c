# kind: dos
# expect: blocked
# desc: 'not ' * 10**6 : deep unary nesting spelled with keywords
# generate: 'x = ' + 'not ' * 1000000 + '1'
# (the runner builds this snippet's source from the generate expression above)

