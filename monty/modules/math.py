"""`math` for sandbox code: CPython's functions, with the ones whose cost grows with their
argument's value checked first."""

import math as _m

from .. import policy

NAME = "math"

_FUNCTIONS = """
acos acosh asin asinh atan atan2 atanh cbrt ceil copysign cos cosh degrees dist erf erfc exp
exp2 expm1 fabs floor fmod frexp fsum gamma gcd hypot isclose isfinite isinf isnan isqrt lcm
ldexp lgamma log log10 log1p log2 modf nextafter pow prod radians remainder sin sinh sqrt tan tanh
trunc ulp
""".split()
_CONSTANTS = "pi e tau inf nan".split()

_LIMIT = 100_000      # arguments beyond this make results of many kilobytes


def _check_size(name, n):
    if isinstance(n, int) and n > _LIMIT:
        # the result has about n*log2(n) bits: refuse it before computing
        policy.precheck(n * max(n.bit_length(), 1) // 8)
        if n > 10 * _LIMIT:
            raise OverflowError(f"{name}() argument is too large for the sandbox")


def factorial(n, /):
    _check_size("factorial", n)
    return _m.factorial(n)


def comb(n, k, /):
    _check_size("comb", n)
    return _m.comb(n, k)


def perm(n, k=None, /):
    _check_size("perm", n)
    return _m.perm(n, k)


def build(vm):
    names = {name: getattr(_m, name) for name in _FUNCTIONS + _CONSTANTS if hasattr(_m, name)}
    names.update(factorial=factorial, comb=comb, perm=perm)
    return names
