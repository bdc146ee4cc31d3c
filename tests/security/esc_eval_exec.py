# kind: escape
# expect: blocked
# desc: eval/exec/compile builtins
r = eval('__import__("os").getcwd()')
'ESC' + 'APED:' + r
