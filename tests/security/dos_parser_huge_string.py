# kind: dos
# expect: blocked
# desc: a 50 MB string literal
# generate: 'x = "' + 'a' * (50 * 10 ** 6) + '"'
# (the runner builds this snippet's source from the generate expression above)
