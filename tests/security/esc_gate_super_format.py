# kind: escape
# expect: blocked
# desc: super().format inside a str subclass method
class S(str):
    def leak(self, x):
        return super().format(x)
s = S('{0.__class__.__base__.__subclasses__}').leak(1)
('ESC' + 'APED:' + s) if 'method' in s or 'built-in' in s else s
