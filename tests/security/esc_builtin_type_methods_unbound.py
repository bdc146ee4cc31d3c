# kind: escape
# expect: blocked
# desc: unbound builtin methods: str.__dict__, int.__subclasshook__, object.__init_subclass__, type.mro(object)
out = []
for call in (lambda: str.__dict__, lambda: int.__subclasshook__, lambda: object.__init_subclass__,
             lambda: type.mro(object), lambda: type.__subclasses__(type), lambda: object.__reduce_ex__(object(), 2),
             lambda: int.__new__(int), lambda: object.__new__(type)):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'mappingproxy' in s or 'ABCMeta' in s or 'copyreg' in s or "class 'object'" in s and 'type' in s else s
