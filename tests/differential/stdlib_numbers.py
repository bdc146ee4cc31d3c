# numbers: isinstance on ints, floats, complex, Fraction, bool
import numbers
from fractions import Fraction
vals = [1, True, 2.5, 1j, Fraction(1, 3), 'x', None, [1]]
[[isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)]
 for v in vals]
# ---
# numbers: issubclass between the ABCs and with number types, sandbox subclasses of int
import numbers
class MyInt(int):
    pass
[issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(numbers.Integral, numbers.Real),
 issubclass(numbers.Real, numbers.Integral), issubclass(MyInt, numbers.Number), isinstance(MyInt(3), numbers.Integral),
 issubclass(str, numbers.Number), numbers.Real.__name__, repr(numbers.Number)]
# ---
# numbers: a validation helper as agents write it
import numbers
def check(x):
    if not isinstance(x, numbers.Real):
        raise TypeError(f'expected a real number, got {type(x).__name__}')
    return float(x)
out = [check(3), check(2.5)]
try:
    check('3')
except TypeError as e:
    out.append(str(e))
out
