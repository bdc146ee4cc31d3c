# kind: dos
# expect: blocked
# desc: 50000 nested lambdas
# generate: 'x = ' + 'lambda: ' * 50000 + '1'
# (the runner builds this snippet's source from the generate expression above)
