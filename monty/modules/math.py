"""`math` for sandbox code: CPython's functions, with the ones whose cost grows with their
arguments checked first.

A single C call cannot be interrupted, so each function that can run long is either costed
before it runs (`factorial`, `comb`, `perm`, `isqrt`, `hypot`, `dist`, `fsum` of a sized
iterable: an estimate of its time goes to the sandbox's time limit, its result size to the
memory limit), or run in pieces whose cost is checked one at a time (`gcd`, `lcm` and `prod`
over many items: the C function continued from the previous piece's result, so the value is
CPython's; an iterator is read in charged chunks)."""

import math as _m
import operator as _op

from .. import policy
from ._support import CHUNK, charge, materialize, sandbox_iter

NAME = "math"

_FUNCTIONS = """
acos acosh asin asinh atan atan2 atanh cbrt ceil copysign cos cosh degrees dist erf erfc exp
exp2 expm1 fabs floor fmod frexp fsum gamma gcd hypot isclose isfinite isinf isnan isqrt lcm
ldexp lgamma log log10 log1p log2 modf nextafter pow prod radians remainder sin sinh sqrt tan tanh
trunc ulp
""".split()
_CONSTANTS = "pi e tau inf nan".split()

_LIMIT = 100_000      # arguments beyond this make results of many kilobytes

# Seconds per unit of CPython's big-int work (3.11, measured with a 2x margin on a loaded
# machine; sizes in 30-bit digits). The estimates go to policy.precheck_steps, which counts
# _STEP_S seconds a step (STEP_NS in _limits.pxi).
_STEP_S = 120e-9
_MUL_SMALL_S = 2.5e-9     # schoolbook product, per digit x digit (the smaller factor < 70 digits)
_MUL_S = 14e-9            # Karatsuba product, per digit**1.585 of the smaller factor
_DIV_S = 3e-9             # division, gcd, per digit x digit
_LINEAR_S = 30e-9         # per digit of a gcd/lcm step, per item of a float loop
_ISQRT_S = 1.2e-9         # isqrt, per digit**2
_FACTORIAL_S = 12e-9      # factorial and perm, per digit**1.585 of the result
_LN2 = _m.log(2)
_SLICE_S = 0.005          # gcd/lcm/prod: estimated seconds of one C call between clock reads


def _cost(seconds):
    """Refuse work estimated to take `seconds` that cannot end before the sandbox's deadline."""
    if seconds > 0.001:
        policy.precheck_steps(int(seconds / _STEP_S) + 1)


def _digits(n):
    return (n.bit_length() + 29) // 30


def _mul_seconds(x, y):
    """Time of a product of ints of x and y digits."""
    small, big = (x, y) if x < y else (y, x)
    if small < 70:
        return _MUL_SMALL_S * (small or 1) * big
    return _MUL_S * small ** 1.585 * (big / small)


def _check_size(name, n):
    if isinstance(n, int) and n > _LIMIT:
        # the result has about n*log2(n) bits: refuse it before computing
        policy.precheck(n * max(n.bit_length(), 1) // 8)
        if n > 10 * _LIMIT:
            raise OverflowError(f"{name}() argument is too large for the sandbox")


def _log2_falling(n, k):
    """log2 of n * (n-1) * ... * (n-k+1), for 0 <= k <= n."""
    return (_m.lgamma(n + 1) - _m.lgamma(n - k + 1)) / _LN2


def _product_seconds(bits):
    """factorial/perm: a product tree whose result has `bits` bits."""
    d = bits / 30
    return _FACTORIAL_S * d ** 1.585 if d > 2000 else 0.0


def factorial(n, /):
    _check_size("factorial", n)
    if type(n) is int and n > 5000:
        _cost(_product_seconds(_log2_falling(n, n)))
    return _m.factorial(n)


def comb(n, k, /):
    _check_size("comb", n)
    if type(n) is int and type(k) is int and n > 5000 and 0 < k < n:
        j = min(k, n - k)
        perm_bits = _log2_falling(n, j)
        fact_bits = _log2_falling(j, j)
        # both products, and dividing one by the other (a small quotient)
        _cost(_product_seconds(perm_bits) + _product_seconds(fact_bits)
              + _DIV_S / 2 * ((perm_bits - fact_bits) / 30 + 1) * (fact_bits / 30 + 1))
    return _m.comb(n, k)


def perm(n, k=None, /):
    _check_size("perm", n)
    if type(n) is int and n > 5000 and (k is None or type(k) is int):
        j = n if k is None else k
        if 0 < j <= n:
            _cost(_product_seconds(_log2_falling(n, j)))
    return _m.perm(n, k)


def isqrt(n, /):
    n = _op.index(n)
    if n > 0:
        d = _digits(n)
        if d > 1000:
            _cost(_ISQRT_S * d * d)
    return _m.isqrt(n)


def _small_ints(args):
    """Whether every argument is an int of at most a few digits (the common case: no checks)."""
    if len(args) > 64:
        return False
    for x in args:
        if type(x) is not int or not -(1 << 600) < x < (1 << 600):
            return False
    return True


def _pieces(args):
    for i in range(0, len(args), CHUNK):
        charge(CHUNK)
        yield [_op.index(x) for x in args[i:i + CHUNK]]


def gcd(*integers, **kwargs):
    if kwargs or _small_ints(integers):
        return _m.gcd(*integers, **kwargs)
    if len(integers) == 1:
        return _m.gcd(*integers)
    acc = 0
    for piece in _pieces(integers):
        # the gcd only shrinks: each step costs at most (acc's digits) x (the item's)
        a = max(_digits(acc), max(_digits(x) for x in piece))
        _cost(sum(_DIV_S * a * _digits(x) + _LINEAR_S * (a + _digits(x)) for x in piece))
        acc = _m.gcd(acc, *piece)
    return acc


def lcm(*integers, **kwargs):
    if kwargs or _small_ints(integers):
        return _m.lcm(*integers, **kwargs)
    if len(integers) == 1:
        return _m.lcm(*integers)
    acc = 1
    for piece in _pieces(integers):
        # the lcm grows at most by each item: gcd, division and product per step
        a = _digits(acc)
        seconds = 0.0
        begin = 0
        for i, x in enumerate(piece):
            b = _digits(x)
            seconds += _DIV_S * a * b + _LINEAR_S * (a + b) + _mul_seconds(a, b)
            a += b
            if seconds > _SLICE_S:
                # (a C call of at most a few milliseconds between two clock reads)
                policy.precheck(a * 4)
                _cost(seconds)
                acc = _m.lcm(acc, *piece[begin:i + 1])
                charge(CHUNK)
                begin, seconds, a = i + 1, 0.0, _digits(acc)
        policy.precheck(a * 4)
        _cost(seconds)
        acc = _m.lcm(acc, *piece[begin:])
    return acc


_NUMBERS = (int, float, bool)


def _checked_mul(acc, x):
    """acc * x, one step of prod() over values that are not all plain numbers."""
    ta, tx = type(acc), type(x)
    if (ta is int or ta is bool) and (tx is int or tx is bool):
        _cost(_mul_seconds(_digits(acc), _digits(x)))
        policy.precheck((acc.bit_length() + x.bit_length()) // 8)
    else:
        policy.check_repeat(acc, x)
        policy.check_repeat(x, acc)
    return acc * x


def _prod_pieces(iterable):
    t = type(iterable)
    if t is list or t is tuple:
        for i in range(0, len(iterable), CHUNK):
            charge(CHUNK)
            yield iterable[i:i + CHUNK]
        return
    it = sandbox_iter(iterable)
    while True:
        piece = []
        for x in it:
            piece.append(x)
            if len(piece) >= CHUNK:
                break
        if not piece:
            return
        charge(len(piece))
        yield piece
        if len(piece) < CHUNK:
            return


def prod(*args, **kwargs):
    if len(args) != 1 or (kwargs and (len(kwargs) > 1 or "start" not in kwargs)):
        return _m.prod(*args, **kwargs)       # CPython's own argument errors
    iterable = args[0]
    start = kwargs.get("start", 1)
    t = type(iterable)
    if (t is list or t is tuple) and len(iterable) <= 16 and type(start) is int \
            and start.bit_length() < 64 and _small_ints(iterable) \
            and sum(x.bit_length() for x in iterable) < 20000:
        return _m.prod(iterable, start=start)
    acc = start
    for piece in _prod_pieces(iterable):
        ta = type(acc)
        if (ta is int or ta is bool or ta is float) and all(type(x) in _NUMBERS for x in piece):
            if ta is not float:
                # the product grows by each int factor (a float ends the big-int work)
                a = _digits(acc)
                seconds = 0.0
                begin = 0
                for i, x in enumerate(piece):
                    if type(x) is float:
                        break
                    b = _digits(x)
                    seconds += _mul_seconds(a, b)
                    a += b
                    if seconds > _SLICE_S:
                        policy.precheck(a * 4)
                        _cost(seconds)
                        acc = _m.prod(piece[begin:i + 1], start=acc)
                        charge(CHUNK)
                        begin, seconds, a = i + 1, 0.0, _digits(acc)
                policy.precheck(a * 4)
                _cost(seconds)
                piece = piece[begin:]
            acc = _m.prod(piece, start=acc)
        else:
            for x in piece:
                acc = _checked_mul(acc, x)
    return acc


def _sized_len(iterable):
    t = type(iterable)
    if t is list or t is tuple:
        return len(iterable)
    if t is range:
        return policy._range_len(iterable)
    return None


def _ticking(it):
    """The items of a sandbox iterator, the work charged every CHUNK items."""
    n = 0
    for x in it:
        n += 1
        if n >= CHUNK:
            charge(n)
            n = 0
        yield x


def fsum(*args, **kwargs):
    if len(args) != 1 or kwargs:
        return _m.fsum(*args, **kwargs)
    n = _sized_len(args[0])
    if n is None:
        return _m.fsum(_ticking(sandbox_iter(args[0])))
    if n > 20000:
        _cost(_LINEAR_S * n)
    return _m.fsum(args[0])


def _coords(p):
    if type(p) is tuple:
        return p
    if _sized_len(p) is None:
        return materialize(p)
    policy.check_iterable(p, 8)
    return p


def hypot(*coordinates, **kwargs):
    if len(coordinates) > 20000:
        _cost(_LINEAR_S * len(coordinates))
    return _m.hypot(*coordinates, **kwargs)


def dist(*args, **kwargs):
    if len(args) == 2 and not kwargs:
        p, q = _coords(args[0]), _coords(args[1])
        n = max(len(p), len(q)) if type(p) in (tuple, list, range) and \
            type(q) in (tuple, list, range) else 0
        if n > 20000:
            _cost(_LINEAR_S * n)
        args = (p, q)
    return _m.dist(*args, **kwargs)


def build(vm):
    names = {name: getattr(_m, name) for name in _FUNCTIONS + _CONSTANTS if hasattr(_m, name)}
    names.update(factorial=factorial, comb=comb, perm=perm, isqrt=isqrt, gcd=gcd, lcm=lcm,
                 prod=prod, fsum=fsum, hypot=hypot, dist=dist)
    return names
