# kind: dos
# expect: blocked
# desc: a million-term addition
# generate: 'x = 1' + ' + 1' * 10 ** 6
# (the runner builds this snippet's source from the generate expression above)
