# kind: escape
# expect: blocked
# desc: NFKC lookalikes of open/__import__/__builtins__ as names stay absent; those of eval/exec/globals are the sandbox's own
out = []
for call in (lambda: ｏｐｅｎ('/etc/hostname').read(), lambda: _＿ｉｍｐｏｒｔ＿_('os'),
             lambda: __ｂｕｉｌｔｉｎｓ__, lambda: ｅｖａｌ('__import__'), lambda: ｅｖａｌ('open'),
             lambda: ｇｌｏｂａｌｓ()['__builtins__']):
    try:
        out.append(repr(call())[:60])
    except Exception as e:
        pass
ok = ｅｖａｌ('1+1') == 2 and ｅｘｅｃ('x=1') is None and 'call' in ｇｌｏｂａｌｓ()
('ESC' + 'APED' + ':' + repr(out)) if out or not ok else 'clean'
