# kind: escape
# expect: blocked
# desc: generator gi_frame.f_globals / f_back
def gen():
    yield 1
g = gen()
fr = g.gi_frame
'ESC' + 'APED:' + str(fr.f_globals)
