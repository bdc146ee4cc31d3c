# kind: dos
# expect: blocked
# desc: a function with 20000 decorators
# generate: 'd = lambda f: f\n' + '@d\n' * 20000 + 'def g(): pass\n'
# (the runner builds this snippet's source from the generate expression above)

