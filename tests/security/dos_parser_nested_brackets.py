# kind: dos
# expect: blocked
# desc: a megabyte of nested brackets
# generate: 'x = ' + '[' * 500000 + ']' * 500000
# (the runner builds this snippet's source from the generate expression above)
