# kind: escape
# expect: blocked
# desc: setattr on a builtin type to poison the host
setattr(int, 'evil', 1)
'ESC' + 'APED:' + str(int.evil)
