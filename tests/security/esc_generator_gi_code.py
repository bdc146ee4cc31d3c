# kind: escape
# expect: blocked
# desc: generator gi_code and gi_frame.f_builtins
def gen():
    yield 1
g = gen()
'ESC' + 'APED:' + str(g.gi_code) + str(g.gi_frame.f_builtins)
