# kind: dos
# expect: blocked
# desc: 10,000 nested if blocks (one-space indentation)
# generate: ''.join(' ' * i + 'if 1:\n' for i in range(3000)) + ' ' * 3000 + 'pass\n'
# (the runner builds this snippet's source from the generate expression above)
