# kind: escape
# expect: blocked
# desc: exception __traceback__.tb_frame.f_back chain to host frames
try:
    [][1]
except IndexError as e:
    tb = e.__traceback__
fr = tb.tb_frame
while fr.f_back:
    fr = fr.f_back
'ESC' + 'APED:' + str(fr.f_globals.keys())
