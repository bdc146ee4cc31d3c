# kind: escape
# expect: blocked
# desc: list[int] / typing aliases: __origin__, __args__, __mro_entries__, __class__ of the alias
import typing
out = []
for a in (list[int], dict[str, int], typing.List[int], typing.Callable[[int], int]):
    for n in ('__origin__', '__args__', '__mro_entries__', '__parameters__', '__class__', '__getattr__', '__reduce__'):
        try:
            v = getattr(a, n)
            out.append(repr(v)[:60])
            if n == '__class__':
                out.append(repr(v.__mro__))
        except Exception:
            pass
class B(typing.Generic[typing.TypeVar('T')]):
    pass
try:
    out.append(repr(B[int].__origin__.__mro__[-1].__subclasses__())[:100])
except Exception:
    pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'GenericAlias' in s and 'object' in s or 'Popen' in s else s
