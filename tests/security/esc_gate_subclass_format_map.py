# kind: escape
# expect: blocked
# desc: str subclass: format_map field traversal to a function's globals
class S(str):
    pass
def f():
    pass
s = S('{f.__globals__}').format_map({'f': f})
('ESC' + 'APED:' + s) if '__builtins__' in s or 'module' in s else s
