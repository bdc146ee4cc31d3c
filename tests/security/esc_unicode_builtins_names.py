# kind: escape
# expect: blocked
# desc: NFKC lookalikes of eval/exec/open/__import__/globals as names
out = []
for call in (lambda: ｅｖａｌ('1+1'), lambda: ｅｘｅｃ('x=1'), lambda: ｏｐｅｎ('/etc/hostname').read(),
             lambda: _＿ｉｍｐｏｒｔ＿_('os'), lambda: ｇｌｏｂａｌｓ(), lambda: __ｂｕｉｌｔｉｎｓ__):
    try:
        out.append(repr(call())[:60])
    except Exception as e:
        pass
('ESC' + 'APED' + ':' + repr(out)) if out else 'clean'
