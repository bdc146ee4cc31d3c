# seeded random functions
import random
random.seed(1234)
[random.random(), random.randint(1, 100), random.randrange(0, 50, 5), random.choice(['a', 'b', 'c']), random.uniform(1, 2)]
# ---
# seeded shuffle, sample and choices
import random
random.seed('abc')
xs = list(range(10))
random.shuffle(xs)
[xs, random.sample(range(100), 5), random.choices('xyz', k=6), random.choices([1, 2, 3], weights=[1, 0, 5], k=4)]
# ---
# gauss and a separate Random instance
import random
r = random.Random(7)
[round(r.gauss(0, 1), 12), r.random(), r.randint(0, 9)]
# ---
# sample larger than the population
import random
random.sample([1, 2, 3], 5)
# ---
# choice from an empty sequence
import random
random.choice([])
# ---
# randrange with an empty range
import random
random.randrange(5, 5)
# ---
# randint bounds
import random
random.seed(0)
sorted(set(random.randint(1, 3) for _ in range(100)))
# ---
# sys facts
import sys
[sys.maxsize, sys.byteorder, sys.version_info[0], sys.version_info.major >= 3, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit > 0, isinstance(sys.version, str)]
# ---
# sys.exit raises SystemExit
import sys
try:
    sys.exit(3)
except SystemExit as e:
    r = e.code
r
# ---
# time values are floats that increase
import time
a = time.monotonic()
b = time.monotonic()
[type(time.time()).__name__, b >= a, time.perf_counter() > 0]
# ---
# time.sleep of zero and a short sleep
import time
t = time.perf_counter()
time.sleep(0)
time.sleep(0.01)
time.perf_counter() - t >= 0.01
# ---
# negative sleep
import time
time.sleep(-1)
# ---
# textwrap.wrap and fill
import textwrap
s = 'The quick brown fox jumps over the lazy dog and keeps running far away'
[textwrap.wrap(s, 20), textwrap.fill(s, 30), textwrap.wrap(s, 15, initial_indent='* ', subsequent_indent='  ')]
# ---
# textwrap.dedent, indent and shorten
import textwrap
[textwrap.dedent('    a\n      b\n    c'), textwrap.indent('x\n\ny', '# '), textwrap.indent('x\ny', '+', lambda l: 'y' in l), textwrap.shorten('Hello world, how are you today?', 20), textwrap.shorten('a b', 10, placeholder='~')]
# ---
# textwrap invalid width
import textwrap
textwrap.wrap('abc', 0)
# ---
# base64 round trips
import base64
data = b'hello, world\xff'
[base64.b64encode(data), base64.b64decode(base64.b64encode(data)), base64.urlsafe_b64encode(b'\xfb\xff'), base64.urlsafe_b64decode('-_8='), base64.b16encode(b'ok'), base64.b16decode('6F6B'), base64.b32encode(b'ok'), base64.b32decode('N5VQ====')]
# ---
# base64 decoding errors
import base64
try:
    base64.b64decode('abc')
except Exception as e:
    r = [type(e).__name__, str(e)]
r
# ---
# base64 with validate
import base64
base64.b64decode('ab$=', validate=True)
# ---
# hashlib digests
import hashlib
h = hashlib.sha256()
h.update(b'abc')
[h.hexdigest(), hashlib.md5(b'abc').hexdigest(), hashlib.sha1(b'abc').hexdigest(), hashlib.sha512(b'').hexdigest()[:16], h.name, h.digest_size, len(h.digest())]
# ---
# hashlib blake2b, copy and new
import hashlib
a = hashlib.blake2b(b'x', digest_size=16)
b = a.copy()
b.update(b'y')
[a.hexdigest(), b.hexdigest(), hashlib.new('sha256', b'x').hexdigest(), hashlib.new('md5').name]
# ---
# hashing a str is an error
import hashlib
hashlib.sha256('text')
# ---
# uuid parsing and attributes
import uuid
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
[str(u), u.hex, u.int, u.version, u.urn, str(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')), str(uuid.uuid3(uuid.NAMESPACE_URL, 'x'))]
# ---
# uuid4 is random version 4
import uuid
u = uuid.uuid4()
[u.version, len(u.hex), len(str(u)), str(u).count('-'), u != uuid.uuid4()]
# ---
# malformed uuid
import uuid
uuid.UUID('not-a-uuid')
# ---
# Enum members: name, value, lookup by value and by name, iteration
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
[Color.RED.name, Color.RED.value, repr(Color.GREEN), str(Color.BLUE), Color(2).name, Color['BLUE'].value, [c.name for c in Color], len(Color), Color.RED in Color, Color.RED is Color(1), repr(Color), type(Color.RED).__name__, Color.__name__]
# ---
# Enum methods, properties and aliases
from enum import Enum
class Shape(Enum):
    SQUARE = 4
    TRIANGLE = 3
    BOX = 4
    def sides(self):
        return self.value
    @property
    def label(self):
        return self.name.title()
[Shape.BOX is Shape.SQUARE, [s.name for s in Shape], Shape.TRIANGLE.sides(), Shape.SQUARE.label, list(Shape.__members__), {Shape.SQUARE: 1}[Shape.BOX]]
# ---
# IntEnum and auto
from enum import IntEnum, auto
class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = 10
    TOP = auto()
[int(Level.MID), Level.HIGH + 1, Level.LOW < Level.MID, str(Level.MID), repr(Level.TOP), f'{Level.HIGH}', Level(2).name, sorted([Level.HIGH, Level.LOW])[0].name, Level.MID == 2, isinstance(Level.LOW, int)]
# ---
# Enum members with an __init__ taking tuple values
from enum import Enum
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
[Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value]
# ---
# invalid Enum value
from enum import Enum
class Color(Enum):
    RED = 1
Color(7)
# ---
# unknown Enum name
from enum import Enum
class Color(Enum):
    RED = 1
Color['PINK']
# ---
# reassigning an Enum member
from enum import Enum
class Color(Enum):
    RED = 1
Color.RED = 2
# ---
# extending an Enum that has members
from enum import Enum
class A(Enum):
    X = 1
class B(A):
    Y = 2
# ---
# unique rejects aliases
from enum import Enum, unique
@unique
class M(Enum):
    A = 1
    B = 1
# ---
# Enum _missing_ hook and comparison rules
from enum import Enum
class Mode(Enum):
    READ = 'r'
    WRITE = 'w'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower())
        return None
[Mode('R').name, Mode.READ == 'r', Mode.READ != Mode.WRITE, f'{Mode.WRITE}', [m.value for m in list(Mode)[::-1]]]
# ---
# fractions arithmetic
from fractions import Fraction
a = Fraction(1, 3)
b = Fraction('0.25')
[repr(a + b), str(a * b), str(a / 2), str(2 - a), str(a ** 2), str(a ** -2), str(-a), a < b, a == Fraction(2, 6), a.numerator, a.denominator, float(a), int(Fraction(7, 2)), round(Fraction(7, 2)), str(round(Fraction(22, 7), 2))]
# ---
# fractions limit_denominator, from_float and mixed types
from fractions import Fraction
[str(Fraction(3.14159).limit_denominator(100)), str(Fraction.from_float(0.5)), str(Fraction(1, 2) + 1), Fraction(1, 2) + 0.5, Fraction(3, 4) == 0.75, isinstance(Fraction(1, 2) * 2, Fraction), hash(Fraction(1, 2)) == hash(0.5), [str(x) for x in divmod(Fraction(7, 2), 1)], Fraction(6, 4).as_integer_ratio()]
# ---
# Fraction with a zero denominator
from fractions import Fraction
Fraction(1, 0)
# ---
# Fraction from a malformed string
from fractions import Fraction
Fraction('1/2/3')
