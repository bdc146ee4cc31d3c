# kind: dos
# expect: blocked
# desc: four million one-name statements (no punctuation at all)
# generate: 'a\n' * 4000000
# (the runner builds this snippet's source from the generate expression above)

