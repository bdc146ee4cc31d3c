# kind: dos
# expect: blocked
# desc: one f-string with 20000 replacement fields, each a nested-bracket expression
# generate: 'a = 1\nx = f"' + '{(((a)))}' * 4000 + '"'
# (the runner builds this snippet's source from the generate expression above)

