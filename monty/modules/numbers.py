"""`numbers` for sandbox code: Number, Complex, Real, Rational, Integral for isinstance and
issubclass on the sandbox's numbers (int, bool, float, complex, fractions.Fraction,
decimal.Decimal and their sandbox subclasses).

These are stand-ins, not CPython's ABCs: their checks compare the value's real type with C-level
issubclass (CPython's ABCMeta would read `__class__` on sandbox objects and cache sandbox classes
in process-wide registries). They cannot be registered with, subclassed or called."""

import decimal as _decimal
import fractions as _fractions

NAME = "numbers"


class _NumberMeta(type):
    def __instancecheck__(cls, obj):
        return issubclass(type(obj), type.__getattribute__(cls, "_members"))

    def __subclasscheck__(cls, sub):
        if not isinstance(sub, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if isinstance(sub, _NumberMeta):
            return type.__getattribute__(sub, "_rank") >= type.__getattribute__(cls, "_rank")
        return issubclass(sub, type.__getattribute__(cls, "_members"))

    def __repr__(cls):
        return f"<class 'numbers.{type.__getattribute__(cls, '_shown')}'>"

    def __setattr__(cls, name, value):
        raise TypeError(f"cannot set '{name}' attribute of type "
                        f"'{type.__getattribute__(cls, '_shown')}' in the sandbox")

    def __delattr__(cls, name):
        raise TypeError(f"cannot delete '{name}' attribute of type "
                        f"'{type.__getattribute__(cls, '_shown')}' in the sandbox")


def _abc(name, rank, members):
    def refuse(cls, *args, **kwargs):
        raise TypeError(f"Can't instantiate abstract class {name}")
    return _NumberMeta(name, (), {"__slots__": (), "__new__": refuse, "_members": members,
                                  "_rank": rank, "_shown": name, "__module__": "numbers"})


_INTEGRAL = (int,)
_RATIONAL = _INTEGRAL + (_fractions.Fraction,)
_REAL = _RATIONAL + (float,)
_COMPLEX = _REAL + (complex,)
_NUMBER = _COMPLEX + (_decimal.Decimal,)

Number = _abc("Number", 0, _NUMBER)
Complex = _abc("Complex", 1, _COMPLEX)
Real = _abc("Real", 2, _REAL)
Rational = _abc("Rational", 3, _RATIONAL)
Integral = _abc("Integral", 4, _INTEGRAL)

ATTRIBUTES = {_NumberMeta: ("__name__", "__qualname__", "__module__")}


def build(vm):
    return {"Number": Number, "Complex": Complex, "Real": Real, "Rational": Rational,
            "Integral": Integral}
