# kind: escape
# expect: blocked
# desc: traceback tb_next into host frames
def f():
    return 1 / 0
try:
    f()
except ZeroDivisionError as e:
    t = e.__traceback__
    while t.tb_next:
        t = t.tb_next
    r = t.tb_frame.f_locals
'ESC' + 'APED:' + str(r)
