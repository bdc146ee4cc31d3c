# kind: dos
# expect: blocked
# desc: a million adjacent string literals concatenated by the parser
# generate: 'x = (' + "'ab' " * 1000000 + ')'
# (the runner builds this snippet's source from the generate expression above)

