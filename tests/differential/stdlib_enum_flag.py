# enum.Flag with auto
import enum
class F(enum.Flag):
    A = enum.auto()
    B = enum.auto()
    C = enum.auto()
x = F.A | F.C
[repr(x), str(x), x.name, x.value, [repr(m) for m in x], F.A in x, F.B in x, repr(F(0)), str(F(0)), F(0).name, bool(F(0)), repr(~F.A), len(x), repr(F.A & F.B), repr(F.A ^ x), x is (F.C | F.A), [m.value for m in F], F(5) is x]
# ---
# enum.IntFlag permissions
import enum
class P(enum.IntFlag):
    R = 4
    W = 2
    X = 1
y = P.R | P.W
[repr(y), str(y), y.name, y + 1, repr(y | 8), repr(P(0)), repr(~P.R), format(y), [repr(m) for m in y], repr(P.R | 1), [m.name for m in P], isinstance(y, int), y == 6, P.W in y, f'{P.X}']
# ---
# enum.Flag with an alias member and explicit values
from enum import Flag
class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7
[repr(Color.RED | Color.GREEN | Color.BLUE), repr(Color.WHITE & ~Color.RED), [c.name for c in Color], repr(Color(3)), list(Color.WHITE) == [Color.RED, Color.GREEN, Color.BLUE]]
# ---
# enum.Flag bad value
import enum
class F(enum.Flag):
    A = 1
    B = 2
F('x')
