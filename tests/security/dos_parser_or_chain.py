# kind: dos
# expect: blocked
# desc: a two-million-operand or-chain (one flat BoolOp)
# generate: 'x = ' + ' or '.join(['a'] * 1900000)
# (the runner builds this snippet's source from the generate expression above)

