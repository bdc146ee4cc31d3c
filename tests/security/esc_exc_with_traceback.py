# kind: escape
# expect: blocked
# desc: BaseException.with_traceback / __traceback__ of a host-raised error
try:
    int('x')
except ValueError as e:
    e2 = e.with_traceback(None)
    t = e.__traceback__
'ESC' + 'APED:' + str(t.tb_frame) if t is not None else 'none'
