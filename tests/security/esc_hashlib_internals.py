# kind: escape
# expect: blocked
# desc: hashlib internals: new() with odd names, file_digest with a fake file, __get_builtin_constructor, _hashlib
import hashlib
out = []
class FakeFile:
    def readinto(self, b):
        out.append(repr(type(b)))
        return 0
    def fileno(self):
        return 0
    def getbuffer(self):
        return b''
for call in (lambda: hashlib.file_digest(FakeFile(), 'sha256'), lambda: hashlib.__get_builtin_constructor,
             lambda: hashlib._hashlib, lambda: hashlib.new('sha256').__class__.__mro__,
             lambda: hashlib.sha256.__self__, lambda: hashlib.new('md5', usedforsecurity=False)):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if "module '_hashlib'" in s or 'memoryview' in s and 'fileno' in s else s
