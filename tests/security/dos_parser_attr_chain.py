# kind: dos
# expect: blocked
# desc: a 200000-long attribute chain
# generate: 'x = a' + '.b' * 200000
# (the runner builds this snippet's source from the generate expression above)
