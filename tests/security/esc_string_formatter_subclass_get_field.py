# kind: escape
# expect: blocked
# desc: a string.Formatter subclass overriding get_value/get_field to reach raw getattr
import string
class F(getattr(string, 'Formatter', object)):
    def get_value(self, key, args, kwargs):
        return super().get_value(key, args, kwargs)
    def format_field(self, value, spec):
        return repr(value)
f = F()
try:
    s = f.format('{0.__class__.__base__.__subclasses__}', ())
except Exception as e:
    s = 'blocked ' + type(e).__name__
('ESC' + 'APED' + ':' + s) if 'built-in method' in s else s
