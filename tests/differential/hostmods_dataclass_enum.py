import dataclasses
@dataclasses.dataclass
class P:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)
p = P(1)
q = P(1, 0, [])
(repr(p), p == q, p != P(2), P.__doc__, P.__match_args__, dataclasses.asdict(p), dataclasses.astuple(p))
# ---
import dataclasses
@dataclasses.dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'
vs = sorted([V(2), V(1, 'b'), V(1, 'a')])
try:
    vs[0].a = 5
except dataclasses.FrozenInstanceError as e:
    err = str(e)
(repr(vs), err, hash(V(1)) == hash(V(1)), V(1) < V(2), V(1) >= V(1))
# ---
import dataclasses
@dataclasses.dataclass
class Base:
    a: int
    b: int = 2
@dataclasses.dataclass
class Child(Base):
    c: int = 3
    def __post_init__(self):
        self.total = self.a + self.b + self.c
k = Child(1)
(repr(k), k.total, [f.name for f in dataclasses.fields(k)], Child.__doc__, dataclasses.replace(k, c=10).total)
# ---
import dataclasses
@dataclasses.dataclass
class K:
    a: int
    _: dataclasses.KW_ONLY
    b: int = 1
    c: dataclasses.InitVar[int] = 5
    def __post_init__(self, c):
        self.d = c * 2
k = K(1, b=3, c=7)
(repr(k), k.d, K.__doc__)
# ---
import dataclasses
try:
    @dataclasses.dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    msg = str(e)
msg
# ---
import dataclasses
try:
    @dataclasses.dataclass
    class M:
        a: list = []
except ValueError as e:
    msg = str(e)
msg
# ---
import dataclasses
@dataclasses.dataclass
class F:
    a: int
try:
    @dataclasses.dataclass(frozen=True)
    class G(F):
        b: int = 0
except TypeError as e:
    msg = str(e)
msg
# ---
import dataclasses
@dataclasses.dataclass(kw_only=True)
class KO:
    a: int
    b: int = 0
try:
    KO(1)
except TypeError as e:
    err = str(e)
(repr(KO(a=1)), err)
# ---
import dataclasses
@dataclasses.dataclass(eq=False, repr=False)
class N:
    a: int
    def __repr__(self):
        return 'N!'
n = N(1)
(repr(n), n == N(1), n == n, dataclasses.is_dataclass(n), dataclasses.is_dataclass(N), dataclasses.is_dataclass(1))
# ---
import dataclasses
@dataclasses.dataclass
class D:
    """Own docstring."""
    a: int = dataclasses.field(default=1, repr=False)
    b: str = dataclasses.field(default='x', compare=False)
(D.__doc__, repr(D()), D() == D(b='y'))
# ---
import dataclasses
@dataclasses.dataclass
class W:
    a: int
try:
    W()
except TypeError as e:
    err = str(e)
err
# ---
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()
(repr(Color.RED), str(Color.GREEN), Color(3).name, Color['RED'].value, [c.name for c in Color], len(Color),
 Color.RED in Color, isinstance(Color.RED, Color), type(Color).__name__, isinstance(Color, enum.EnumMeta))
# ---
import enum
class Shape(enum.IntEnum):
    A = 1
    B = enum.auto()
class S(enum.StrEnum):
    X = enum.auto()
    Y = 'why'
(Shape.B + 1, repr(Shape.A), str(Shape.A), f'{Shape.B}', str(S.X), str(S.Y), repr(S.X), S('why').name)
# ---
import enum
class E(enum.Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
    def __str__(self):
        return 'custom-' + self.name
(E(99).name, str(E.A), format(E.A))
# ---
import enum
class E(enum.Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    A = enum.auto()
    B = enum.auto()
try:
    E(5)
except ValueError as e:
    err = str(e)
([m.value for m in E], err)
# ---
import enum
try:
    @enum.unique
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    err = str(e)
err
# ---
import dataclasses
@dataclasses.dataclass(slots=True, frozen=True)
class SP:
    a: int
    b: str = 'x'
s = SP(1)
try:
    s.c = 3
except (AttributeError, TypeError, dataclasses.FrozenInstanceError) as e:
    err = type(e).__name__
(repr(s), SP.__slots__, s == SP(1), hash(s) == hash(SP(1)), err, SP.__doc__)
# ---
import dataclasses
@dataclasses.dataclass
class Ann:
    a: 'int'
    b: 'list[str]' = dataclasses.field(default_factory=list)
    c: 'ClassVar[int]' = 5
(repr(Ann(1)), [f.name for f in dataclasses.fields(Ann)], Ann.__doc__, Ann.__annotations__)
