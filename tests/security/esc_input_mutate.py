# kind: escape
# expect: blocked
# desc: mutating an input list must not touch the host's list
data.append('mutated')
data[0] = 'changed'
data
