# kind: escape
# expect: blocked
# desc: '%(x)s' % object with __getitem__ handing out module and function objects
import json
class M:
    def __getitem__(self, k):
        return {'a': json, 'b': json.dumps, 'c': print}[k]
s = '%(a)r %(b)r %(c)r' % M()
('ESC' + 'APED' + ':' + s) if 'from' in s or '.py' in s or 'module \'builtins\'' in s else s
