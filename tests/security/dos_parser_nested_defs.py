# kind: dos
# expect: blocked
# desc: 99 nested function definitions each looping forever at the bottom
# generate: ''.join(' ' * i + 'def f%d():\n' % i for i in range(99)) + ' ' * 99 + 'while True: pass\n' + 'f0()\n'
# (the runner builds this snippet's source from the generate expression above)

