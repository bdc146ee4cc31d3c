"""`fractions` for sandbox code: CPython's Fraction, its results kept in this module's
subclass, with the operations whose result size the sandbox controls checked first (powers,
`round(f, n)`, exponents in strings), like the VM checks `int ** int`."""

import fractions as _f
import re as _re

from .. import policy

NAME = "fractions"

_MAX_BITS = 1 << 24       # no power is computed whose result would have more bits than this


def _check_pow(base, n):
    """Refuse `base ** n` whose result is huge, before computing it."""
    if n > 1 and abs(base) > 1:
        if n * abs(base).bit_length() > _MAX_BITS:
            raise OverflowError("result too large to compute in the sandbox")
        policy.check_pow(base, n)


_EXPONENT = _re.compile(r"[eE]\s*([-+]?[0-9_]+)\s*$")


def _check_text(text):
    m = _EXPONENT.search(text)
    if m is not None:
        try:
            exp = int(m.group(1))
        except ValueError:
            return
        _check_pow(10, abs(exp))


def _cast(value):
    if type(value) is _f.Fraction:
        result = object.__new__(Fraction)
        result._numerator = value._numerator
        result._denominator = value._denominator
        return result
    if type(value) is tuple:
        return tuple(_cast(v) for v in value)
    return value


_NUM = _f.Fraction.__dict__["_numerator"].__get__        # the raw slots: a sandbox subclass's
_DEN = _f.Fraction.__dict__["_denominator"].__get__      # own properties cannot answer for them


def _exact(value):
    """`value` as the exact int or Fraction CPython's code will compute with: a sandbox
    subclass's own __int__, __abs__, numerator or denominator would answer the size checks
    differently from the raw value CPython then reads (or differently on each call)."""
    if type(value) is bool:
        return value
    if isinstance(value, int):      # (an object only claiming to be one fails in __index__)
        return int.__index__(value)
    if isinstance(value, _f.Fraction) and type(value) not in (_f.Fraction, Fraction):
        result = object.__new__(Fraction)
        result._numerator = int.__index__(_NUM(value))
        result._denominator = int.__index__(_DEN(value))
        return result
    return value


class Fraction(_f.Fraction):
    """A rational number (fractions.Fraction)."""

    __slots__ = ()
    __module__ = "fractions"

    def __new__(cls, numerator=0, denominator=None):
        if isinstance(numerator, str):
            _check_text(numerator)
        if denominator is None:
            return super().__new__(cls, numerator)
        return super().__new__(cls, numerator, denominator)

    def __pow__(self, other, *rest):
        if rest:
            return NotImplemented
        other = _exact(other)
        if isinstance(other, int) or (isinstance(other, _f.Fraction) and other.denominator == 1):
            n = abs(int(other))
            _check_pow(self.numerator, n)
            _check_pow(self.denominator, n)
        return _cast(_f.Fraction.__pow__(self, other))

    def __rpow__(self, other, *rest):
        if rest:
            return NotImplemented
        other = _exact(other)
        if self.denominator == 1 and isinstance(other, (int, _f.Fraction)):
            n = abs(self.numerator)
            if isinstance(other, int):
                _check_pow(other, n)
            else:
                _check_pow(other.numerator, n)
                _check_pow(other.denominator, n)
        return _cast(_f.Fraction.__rpow__(self, other))

    def __round__(self, ndigits=None):
        ndigits = _exact(ndigits)
        if isinstance(ndigits, int):
            _check_pow(10, abs(ndigits))
        return _cast(_f.Fraction.__round__(self, ndigits))

    @classmethod
    def from_float(cls, f):
        return _cast(_f.Fraction.from_float(f))

    def limit_denominator(self, max_denominator=1000000):
        return _cast(_f.Fraction.limit_denominator(self, max_denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (Fraction, (str(self),))


def _wrap(name):
    base = getattr(_f.Fraction, name)

    def method(*args):
        return _cast(base(*args))
    method.__name__ = method.__qualname__ = name
    return method


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
              "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__",
              "__rmod__", "__divmod__", "__rdivmod__", "__pos__", "__neg__", "__abs__"):
    if hasattr(_f.Fraction, _name):
        setattr(Fraction, _name, _wrap(_name))

Fraction.__qualname__ = "Fraction"

_METHOD_NAMES = [n for n in ("limit_denominator", "as_integer_ratio", "conjugate", "is_integer")
                 if hasattr(_f.Fraction, n)]
METHODS = {Fraction: dict({n: getattr(Fraction, n) for n in _METHOD_NAMES},
                          from_float=Fraction.from_float)}
ATTRIBUTES = {Fraction: ("numerator", "denominator", "real", "imag")}
TYPES = (Fraction,)


def build(vm):
    return {"Fraction": Fraction}


def _load_fraction(data):
    if type(data) is not str or len(data) > 100_000:
        raise ValueError("bad Fraction")
    _check_text(data)
    return _cast(_f.Fraction(data))


SNAPSHOT = {Fraction: (lambda v: str(v), _load_fraction)}
