"""`decimal` for sandbox code: CPython's C decimal, with a context per sandbox and every value
and context bounded.

The sandbox's `Decimal` is a subclass of CPython's (`__slots__ = ()`, the same C data) whose
operators and methods all run with the sandbox's own context passed explicitly: the host's
thread context is never read, set or flagged by sandbox code, and a sandbox's `getcontext()`,
`setcontext()` and `localcontext()` act on that sandbox only. Crossing the boundary a Decimal
becomes the exact host `decimal.Decimal` (and back).

Bounds: a context's precision is at most MAX_PREC and its exponents within +-MAX_EMAX (the
setters refuse more, as CPython refuses values past its own maxima); a Decimal built from text,
a tuple or an int has at most MAX_DIGITS digits and an adjusted exponent within +-MAX_EXP, so
every value int(), as_integer_ratio(), format(d, 'f') or host code can expand is bounded; the
slow operations (ln, log10, exp, power, sqrt, long division) are costed from the precision and
operand sizes before they run, against the time limit.
"""

import decimal as _d
import math as _math

from .. import policy
from ._support import charge, mark_sandbox_class, need

NAME = "decimal"

MAX_PREC = 100_000
MAX_EMAX = 999_999
MAX_DIGITS = 200_000
MAX_EXP = MAX_EMAX + MAX_PREC

_core = None


def _vm():
    global _core
    if _core is None:
        import sys
        _core = sys.modules["monty._core"]
    return _core.current_vm()


_Base = _d.Decimal
_BaseContext = _d.Context
_FALLBACK = None


class _State:
    __slots__ = ("current", "default", "basic", "extended", "local_class")


def _state():
    vm = _vm()
    states = vm.module_state if vm is not None else None
    state = states.get(NAME) if states is not None else None
    if state is None:
        global _FALLBACK
        if _FALLBACK is None:
            _FALLBACK = _new_state()
        return _FALLBACK
    return state


def getcontext():
    return _state().current


def setcontext(context, /):
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    state = _state()
    if context is state.default or context is state.basic or context is state.extended:
        context = context.copy()
        context.clear_flags()
    state.current = context


# ------------------------------------------------------------------ values


def _exact_int(v):
    return v if type(v) is int else int.__index__(v)


def _digits(x):
    """Number of coefficient digits of a finite exact Decimal (cheap: from adjusted and the
    exponent read by as_tuple only for long values)."""
    return len(_Base.as_tuple(x).digits)


def _check_value(x):
    """Refuse a Decimal whose size the limits do not allow (before anything expands it)."""
    if _Base.is_finite(x) and not _Base.is_zero(x):
        adj = _Base.adjusted(x)
        if adj > MAX_EXP or adj < -MAX_EXP:
            raise OverflowError(f"Decimal exponent out of the sandbox's range (adjusted exponent "
                                f"within +-{MAX_EXP})")
    return x


def _cast(x):
    """An exact Decimal result as the module's Decimal."""
    t = type(x)
    if t is _Base:
        return _Base.__new__(Decimal, x)
    if t is tuple:
        return tuple(_cast(v) for v in x)
    return x


def _size(x):
    """Digits of x's coefficient, cheaply bounded from its text length."""
    if isinstance(x, _Base):
        if not _Base.is_finite(x):
            return 1
        return _coeff_len(x)
    if isinstance(x, int):
        return int.bit_length(_exact_int(x)) * 0.302 + 1
    return 1


def _coeff_len(x):
    # adjusted - exponent + 1 = digits; the exponent is as_tuple's, but as_tuple copies every
    # digit: use the string length of the coefficient instead (bounded by MAX_DIGITS anyway)
    return len(_Base.__str__(_Base.copy_abs(x)))


def _cost(kind, ctx, *operands):
    """Charge the running sandbox for a decimal operation before it runs (ns estimates measured
    on CPython 3.11's libmpdec, rounded up; STEP ~ 120 ns)."""
    p = ctx.prec
    n = p
    for o in operands:
        s = _size(o)
        if s > n:
            n = s
    if n <= 60 and kind != "pow":
        return
    if kind == "cheap":
        steps = n // 64
    elif kind == "mul":
        steps = int(n * (1 + n / 4000) / 16)
    elif kind == "sqrt":
        steps = int(n * n / 1000)
    elif kind == "pow":
        steps = int((n / 100) ** 3.5 * 130) + 1
    else:       # transcendental: ln, log10, exp, power with a fractional exponent
        steps = int((n / 100) ** 3.5 * 130) + 1
    if steps > 0:
        charge(steps, int(p / 2))


def _to_decimal(value, ctx):
    """The module's Decimal for a constructor argument, bounded."""
    t = type(value)
    if t is Decimal:
        return value
    if isinstance(value, _Base):
        return _Base.__new__(Decimal, value)
    if isinstance(value, str):
        value = str.__str__(value)
        if len(value) > MAX_DIGITS + 64:
            raise ValueError(f"Decimal text longer than {MAX_DIGITS + 64} characters is not "
                             f"supported in the sandbox")
        charge(len(value) // 64)
        x = _Base.__new__(Decimal, value, ctx)
        return _check_value(x)
    if isinstance(value, bool):
        return _Base.__new__(Decimal, int(value))
    if isinstance(value, int):
        value = _exact_int(value)
        if value.bit_length() > MAX_DIGITS * 3.32:
            raise ValueError(f"Decimal of an int with more than {MAX_DIGITS} digits is not "
                             f"supported in the sandbox")
        return _Base.__new__(Decimal, value)
    if isinstance(value, float):
        x = _Base.__new__(Decimal, float.__float__(value), ctx)
        return x
    if isinstance(value, (tuple, list)):
        items = tuple(value)
        if len(items) != 3:
            raise ValueError("argument must be a sequence of length 3")
        sign, digits, exp = items
        if isinstance(sign, int):
            sign = _exact_int(sign)
        digits = tuple(digits) if isinstance(digits, (tuple, list)) else digits
        if type(digits) is tuple:
            if len(digits) > MAX_DIGITS:
                raise ValueError(f"Decimal with more than {MAX_DIGITS} digits is not supported "
                                 f"in the sandbox")
            digits = tuple(_exact_int(v) if isinstance(v, int) else v for v in digits)
        if isinstance(exp, int):
            exp = _exact_int(exp)
            if abs(exp) > MAX_EXP + MAX_DIGITS:
                raise OverflowError(f"Decimal exponent out of the sandbox's range")
        elif isinstance(exp, str):
            exp = str.__str__(exp)
        x = _Base.__new__(Decimal, (sign, digits, exp), ctx)
        return _check_value(x)
    return _Base.__new__(Decimal, value, ctx)     # (CPython's TypeError)


def _operand(other):
    """`other` as an operand CPython's operators accept (a Decimal or an int), or None."""
    if isinstance(other, _Base):
        return other
    if isinstance(other, int):
        return _exact_int(other)
    return None


def _compare_operand(other, ctx, ordering):
    if isinstance(other, _Base):
        return other
    if isinstance(other, int):
        return _exact_int(other)
    if isinstance(other, float):
        if ordering:
            _signal(ctx, _d.FloatOperation)
        return _Base.from_float(float.__float__(other))
    return None


def _signal(ctx, cond):
    if ctx.traps[cond]:
        raise cond([cond])
    ctx.flags[cond] = True


def _binop(name, kind, reverse=False):
    method = getattr(_BaseContext, name)

    def op(self, other):
        o = _operand(other)
        if o is None:
            return NotImplemented
        ctx = getcontext()
        _cost(kind, ctx, self, o)
        if reverse:
            return _cast(method(ctx, o, self))
        return _cast(method(ctx, self, o))
    return op


def _unop(name):
    method = getattr(_BaseContext, name)

    def op(self):
        ctx = getcontext()
        _cost("cheap", ctx, self)
        return _cast(method(ctx, self))
    return op


def _is_nan(x):
    return isinstance(x, _Base) and _Base.is_nan(x)


def _cmp(name):
    base = getattr(_Base, name)
    ordering = name in ("__lt__", "__le__", "__gt__", "__ge__")

    def op(self, other):
        ctx = getcontext()
        o = _compare_operand(other, ctx, ordering)
        if o is None:
            if isinstance(other, complex) and name in ("__eq__", "__ne__"):
                return base(self, other)
            return base(self, other)       # fractions and other numbers: CPython's rules
        if _is_nan(self) or _is_nan(o):
            if ordering or _Base.is_snan(self) or (isinstance(o, _Base) and _Base.is_snan(o)):
                _signal(ctx, _d.InvalidOperation)
            return name == "__ne__"
        _cost("cheap", ctx, self, o)
        return base(self, o)
    return op


def _int_cost(x):
    """Charge expanding x into an int (quadratic in the digits past ~4000)."""
    if _Base.is_finite(x):
        adj = _Base.adjusted(x)
        n = max(adj, 0)
        if n > 2000:
            charge(int(n * n / 20000), int(n * 0.42))


class Decimal(_Base):
    """Floating-point decimal number (decimal.Decimal), computed in the sandbox's context."""

    __slots__ = ()
    __module__ = "decimal"

    def __new__(cls, value="0", context=None):
        if context is None:
            context = getcontext()
        elif not isinstance(context, Context):
            raise TypeError("optional argument must be a context")
        x = _to_decimal(value, context)
        if cls is not Decimal:
            x = _Base.__new__(cls, x)
        return x

    @classmethod
    def from_float(cls, f):
        return cls(_Base.from_float(f))

    __add__ = _binop("add", "cheap")
    __radd__ = _binop("add", "cheap", True)
    __sub__ = _binop("subtract", "cheap")
    __rsub__ = _binop("subtract", "cheap", True)
    __mul__ = _binop("multiply", "mul")
    __rmul__ = _binop("multiply", "mul", True)
    __truediv__ = _binop("divide", "mul")
    __rtruediv__ = _binop("divide", "mul", True)
    __floordiv__ = _binop("divide_int", "mul")
    __rfloordiv__ = _binop("divide_int", "mul", True)
    __mod__ = _binop("remainder", "mul")
    __rmod__ = _binop("remainder", "mul", True)
    __divmod__ = _binop("divmod", "mul")
    __rdivmod__ = _binop("divmod", "mul", True)
    __neg__ = _unop("minus")
    __pos__ = _unop("plus")
    __abs__ = _unop("abs")
    __eq__ = _cmp("__eq__")
    __ne__ = _cmp("__ne__")
    __lt__ = _cmp("__lt__")
    __le__ = _cmp("__le__")
    __gt__ = _cmp("__gt__")
    __ge__ = _cmp("__ge__")
    __hash__ = _Base.__hash__

    def __pow__(self, other, modulo=None):
        o = _operand(other)
        if o is None:
            return NotImplemented
        ctx = getcontext()
        if modulo is not None:
            m = _operand(modulo)
            if m is None:
                return NotImplemented
            _cost("mul", ctx, self, o, m)
            _cost("mul", ctx, self, o, m)
            return _cast(_BaseContext.power(ctx, self, o, m))
        _cost("pow", ctx, self, o)
        return _cast(_BaseContext.power(ctx, self, o))

    def __rpow__(self, other, modulo=None):
        o = _operand(other)
        if o is None:
            return NotImplemented
        ctx = getcontext()
        _cost("pow", ctx, self, o)
        return _cast(_BaseContext.power(ctx, o, self))

    def __str__(self):
        s = _Base.__str__(self)
        if not getcontext().capitals:
            s = s.replace("E", "e")
        return s

    def __repr__(self):
        return f"Decimal('{self.__str__()}')"

    def __format__(self, spec, override=None):
        spec = str.__str__(spec) if isinstance(spec, str) else spec
        if type(spec) is str and _Base.is_finite(self):
            width = policy.format_width(spec) if hasattr(policy, "format_width") else 0
            m = _SPEC_PREC.search(spec)
            prec = int(m.group(1)) if m else 0
            n = max(_Base.adjusted(self), 0) + prec + _coeff_len(self) + 64
            if prec > MAX_DIGITS or n > 4 * MAX_EXP:
                raise ValueError("format result too large for the sandbox")
            need(n + (width or 0))
            charge(n // 64)
        return _cast(_Base.__format__(self, spec))

    def __int__(self):
        _int_cost(self)
        return _Base.__int__(self)

    def __trunc__(self):
        _int_cost(self)
        return _Base.__trunc__(self)

    def __floor__(self):
        _int_cost(self)
        return _Base.__floor__(self)

    def __ceil__(self):
        _int_cost(self)
        return _Base.__ceil__(self)

    def __round__(self, n=None):
        if n is None:
            _int_cost(self)
            return _Base.__round__(self)
        n = _exact_int(n) if isinstance(n, int) else n
        return self.quantize(Decimal((0, (1,), -n)) if isinstance(n, int) else n)

    def __float__(self):
        return _Base.__float__(self)

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return _Base.__bool__(self)

    def as_integer_ratio(self):
        if _Base.is_finite(self):
            _int_cost(self)
            adj = _Base.adjusted(self)
            if adj < -2000:
                charge(int(adj * adj / 20000), int(-adj * 0.42))
        return _Base.as_integer_ratio(self)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (Decimal, (_Base.__str__(self),))


import re as _re  # noqa: E402

_SPEC_PREC = _re.compile(r"\.([0-9]+)")

Decimal.__qualname__ = "Decimal"

# methods: (name, cost kind, takes a context keyword)
_METHODS = {
    "adjusted": None, "as_tuple": None, "canonical": None, "conjugate": None,
    "copy_abs": None, "copy_negate": None, "is_canonical": None, "is_finite": None,
    "is_infinite": None, "is_nan": None, "is_qnan": None, "is_signed": None, "is_snan": None,
    "is_zero": None, "radix": None,
    "compare": "cheap", "compare_signal": "cheap", "compare_total": "cheap",
    "compare_total_mag": "cheap", "copy_sign": "cheap", "exp": "transcendental",
    "fma": "mul", "is_normal": "cheap", "is_subnormal": "cheap", "ln": "transcendental",
    "log10": "transcendental", "logb": "cheap", "logical_and": "cheap",
    "logical_invert": "cheap", "logical_or": "cheap", "logical_xor": "cheap", "max": "cheap",
    "max_mag": "cheap", "min": "cheap", "min_mag": "cheap", "next_minus": "cheap",
    "next_plus": "cheap", "next_toward": "cheap", "normalize": "cheap",
    "number_class": "cheap", "quantize": "cheap", "remainder_near": "mul", "rotate": "cheap",
    "same_quantum": "cheap", "scaleb": "cheap", "shift": "cheap", "sqrt": "sqrt",
    "to_eng_string": "cheap", "to_integral": "cheap", "to_integral_exact": "cheap",
    "to_integral_value": "cheap",
}


def _method(name, kind):
    base = getattr(_Base, name)
    if kind is None:
        def method(self, *args):
            return _cast(base(self, *args))
    else:
        def method(self, *args, context=None, **kwargs):
            if context is None:
                context = getcontext()
            elif not isinstance(context, Context):
                raise TypeError("optional argument must be a context")
            ops = [a for a in args if isinstance(a, (_Base, int))]
            _cost(kind, context, self, *ops)
            return _cast(base(self, *args, context=context, **kwargs))
    method.__name__ = method.__qualname__ = name
    return method


_DECIMAL_METHODS = {name: _method(name, kind) for name, kind in _METHODS.items()}
_DECIMAL_METHODS["from_float"] = Decimal.from_float
_DECIMAL_METHODS["as_integer_ratio"] = Decimal.as_integer_ratio


# ------------------------------------------------------------------ contexts


_RANGES = {"prec": "[1, MAX_PREC]", "Emax": "[0, MAX_EMAX]", "Emin": "[MIN_EMIN, 0]"}


def _check_int_field(name, value, lo, hi):
    if not isinstance(value, int) or isinstance(value, bool) and False:
        raise TypeError("an integer is required")
    value = _exact_int(value)
    if not lo <= value <= hi:
        raise ValueError(f"valid range for {name} is {_RANGES[name]}")
    return value


_prec_descr = _BaseContext.__dict__["prec"]
_emax_descr = _BaseContext.__dict__["Emax"]
_emin_descr = _BaseContext.__dict__["Emin"]
_rounding_descr = _BaseContext.__dict__["rounding"]
_capitals_descr = _BaseContext.__dict__["capitals"]
_clamp_descr = _BaseContext.__dict__["clamp"]


class _SignalsAttr:
    """traps/flags: C Context answers them in its own getattr/setattr (validated there)."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj):
        return _BaseContext.__getattribute__(obj, self.name)

    def __set__(self, obj, value):
        if type(value) is list:
            value = {s: s in value for s in _ALL_SIGNALS}
        _BaseContext.__setattr__(obj, self.name, value)


_ALL_SIGNALS = (_d.Clamped, _d.DivisionByZero, _d.Inexact, _d.Overflow, _d.Rounded,
                _d.Underflow, _d.InvalidOperation, _d.Subnormal, _d.FloatOperation)


_traps_descr = _SignalsAttr("traps")
_flags_descr = _SignalsAttr("flags")


def _set_prec(self, value):
    _prec_descr.__set__(self, _check_int_field("prec", value, 1, MAX_PREC))


def _set_emax(self, value):
    _emax_descr.__set__(self, _check_int_field("Emax", value, 0, MAX_EMAX))


def _set_emin(self, value):
    _emin_descr.__set__(self, _check_int_field("Emin", value, -MAX_EMAX, 0))


def _set_rounding(self, value):
    if isinstance(value, str):
        value = str.__str__(value)
    _rounding_descr.__set__(self, value)


def _set_int(descr):
    def setter(self, value):
        if isinstance(value, int):
            value = _exact_int(value)
        descr.__set__(self, value)
    return setter


def _set_signals(descr):
    def setter(self, value):
        if isinstance(value, dict):
            value = {k: bool(v) for k, v in dict.items(value)}
        elif isinstance(value, (list, tuple)):
            value = list(value)
        descr.__set__(self, value)
    return setter


class Context(_BaseContext):
    """Contains the context for a Decimal instance (decimal.Context), bounded for the sandbox."""

    __slots__ = ()
    __module__ = "decimal"

    prec = property(_prec_descr.__get__, _set_prec)
    Emax = property(_emax_descr.__get__, _set_emax)
    Emin = property(_emin_descr.__get__, _set_emin)
    rounding = property(_rounding_descr.__get__, _set_rounding)
    capitals = property(_capitals_descr.__get__, _set_int(_capitals_descr))
    clamp = property(_clamp_descr.__get__, _set_int(_clamp_descr))

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        template = _state().default if _state_ready() else None
        _BaseContext.__init__(self, prec=28, Emax=999999, Emin=-999999)
        if template is not None:
            _copy_fields(template, self)
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if flags is not None:
            _flags_descr.__set__(self, list(flags) if isinstance(flags, (list, tuple)) else flags)
        else:
            self.clear_flags()
        if traps is not None:
            _traps_descr.__set__(self, list(traps) if isinstance(traps, (list, tuple)) else traps)

    def copy(self):
        new = _BaseContext.__new__(Context)
        _BaseContext.__init__(new, prec=28, Emax=999999, Emin=-999999)
        _copy_fields(self, new)
        _flags_descr.__set__(new, _signals(_flags_descr.__get__(self)))
        return new

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                          self.clamp, _signals(self.flags), _signals(self.traps)))

    def create_decimal(self, num="0"):
        x = _to_decimal(num, self)
        _cost("cheap", self, x)
        return _cast(_BaseContext.create_decimal(self, x))

    def create_decimal_from_float(self, f):
        return _cast(_BaseContext.create_decimal_from_float(self, f))


def _signals(sd):
    return [s for s, v in sd.items() if v]


def _copy_fields(src, dst):
    _prec_descr.__set__(dst, _prec_descr.__get__(src))
    _emax_descr.__set__(dst, _emax_descr.__get__(src))
    _emin_descr.__set__(dst, _emin_descr.__get__(src))
    _rounding_descr.__set__(dst, _rounding_descr.__get__(src))
    _capitals_descr.__set__(dst, _capitals_descr.__get__(src))
    _clamp_descr.__set__(dst, _clamp_descr.__get__(src))
    _traps_descr.__set__(dst, _signals(_traps_descr.__get__(src)))


Context.__qualname__ = "Context"

_building = []


def _state_ready():
    vm = _vm()
    return not _building and vm is not None and vm.module_state is not None and \
        NAME in vm.module_state


_CONTEXT_OPS = {
    "abs": "cheap", "add": "cheap", "compare": "cheap", "compare_signal": "cheap",
    "compare_total": "cheap", "compare_total_mag": "cheap", "copy_abs": "cheap",
    "copy_decimal": "cheap", "copy_negate": "cheap", "copy_sign": "cheap", "divide": "mul",
    "divide_int": "mul", "divmod": "mul", "exp": "transcendental", "fma": "mul",
    "is_canonical": None, "is_finite": None, "is_infinite": None, "is_nan": None,
    "is_normal": None, "is_qnan": None, "is_signed": None, "is_snan": None,
    "is_subnormal": None, "is_zero": None, "ln": "transcendental", "log10": "transcendental",
    "logb": "cheap", "logical_and": "cheap", "logical_invert": "cheap", "logical_or": "cheap",
    "logical_xor": "cheap", "max": "cheap", "max_mag": "cheap", "min": "cheap",
    "min_mag": "cheap", "minus": "cheap", "multiply": "mul", "next_minus": "cheap",
    "next_plus": "cheap", "next_toward": "cheap", "normalize": "cheap",
    "number_class": "cheap", "plus": "cheap", "power": "pow", "quantize": "cheap",
    "remainder": "mul", "remainder_near": "mul", "rotate": "cheap", "same_quantum": "cheap",
    "scaleb": "cheap", "shift": "cheap", "sqrt": "sqrt", "subtract": "cheap",
    "to_eng_string": "cheap", "to_integral": "cheap", "to_integral_exact": "cheap",
    "to_integral_value": "cheap", "to_sci_string": "cheap",
}


def _ctx_method(name, kind):
    base = getattr(_BaseContext, name)

    def method(self, *args, **kwargs):
        ops = [a for a in args if isinstance(a, (_Base, int))]
        if kind == "pow" and len(ops) >= 2 and isinstance(ops[1], _Base) and \
                not _Base.is_zero(_Base.__sub__(ops[1], _Base.to_integral_value(ops[1]))
                                  if _Base.is_finite(ops[1]) else _Base(0)):
            _cost("transcendental", self, *ops)
        elif kind is not None:
            _cost(kind, self, *ops)
        return _cast(base(self, *args, **kwargs))
    method.__name__ = method.__qualname__ = name
    return method


_CONTEXT_METHODS = {name: _ctx_method(name, kind) for name, kind in _CONTEXT_OPS.items()}
_CONTEXT_METHODS.update(
    copy=Context.copy, create_decimal=Context.create_decimal,
    create_decimal_from_float=Context.create_decimal_from_float,
    clear_flags=_BaseContext.clear_flags, clear_traps=_BaseContext.clear_traps,
    Etiny=_BaseContext.Etiny, Etop=_BaseContext.Etop, radix=lambda self: _cast(_Base(10)),
)


def _make_local_class():
    """The context manager class localcontext() returns: made per sandbox (a class sandbox code
    may treat as its own, never shared with another sandbox)."""

    class _ContextManager:
        __slots__ = ("new_context", "saved_context")

        def __init__(self, new):
            self.new_context = new
            self.saved_context = None

        def __enter__(self):
            self.saved_context = getcontext()
            setcontext(self.new_context)
            return self.new_context

        def __exit__(self, *exc):
            setcontext(self.saved_context)
            return None

    _ContextManager.__module__ = "decimal"
    mark_sandbox_class(_ContextManager)
    return _ContextManager


_LOCAL_KEYS = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps")


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    new = ctx.copy()
    for key, value in kwargs.items():
        if key not in _LOCAL_KEYS:
            raise TypeError(f"'{key}' is an invalid keyword argument for this function")
        setattr(new, key, value)
    return _state().local_class(new)


# ------------------------------------------------------------------ sandbox state


def _make_context(**fields):
    _building.append(1)
    try:
        return Context(**fields)
    finally:
        _building.pop()


def _new_state():
    state = _State()
    state.default = _make_context(prec=28, rounding=_d.ROUND_HALF_EVEN, Emin=-999999,
                                  Emax=999999, capitals=1, clamp=0,
                                  traps=[_d.DivisionByZero, _d.Overflow, _d.InvalidOperation])
    state.basic = _make_context(prec=9, rounding=_d.ROUND_HALF_UP, Emin=-999999, Emax=999999,
                                capitals=1, clamp=0,
                                traps=[_d.DivisionByZero, _d.Overflow, _d.InvalidOperation,
                                       _d.Clamped, _d.Underflow, _d.Subnormal])
    state.extended = _make_context(prec=9, rounding=_d.ROUND_HALF_EVEN, Emin=-999999,
                                   Emax=999999, capitals=1, clamp=0, traps=[])
    state.current = state.default.copy()
    state.local_class = _make_local_class()
    return state


def to_host(value):
    """A sandbox Decimal leaving the sandbox: the exact host value (read from its C data)."""
    return _Base(_Base.__new__(_Base, value)) if type(value) is not _Base else value


def from_host(value):
    """A host Decimal entering the sandbox: the module's Decimal, bounded like any other."""
    return _check_value(_Base.__new__(Decimal, value))


_SIGNALS = {s.__name__: s for s in (_d.Clamped, _d.DivisionByZero, _d.Inexact, _d.Overflow,
                                     _d.Rounded, _d.Underflow, _d.InvalidOperation,
                                     _d.Subnormal, _d.FloatOperation)}


def _dump_decimal(x):
    return _Base.__str__(x)


def _load_decimal(data):
    if type(data) is not str:
        raise ValueError("bad Decimal text")
    return from_host(_Base(data, _BaseContext(traps=[_d.InvalidOperation])))


def _dump_context(c):
    return [c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp,
            [s.__name__ for s in _signals(c.flags)], [s.__name__ for s in _signals(c.traps)]]


def _load_context(data):
    if type(data) is not list or len(data) != 8:
        raise ValueError("bad context")
    prec, rounding, emin, emax, capitals, clamp, flags, traps = data
    if type(flags) is not list or type(traps) is not list or not all(
            type(s) is str and s in _SIGNALS for s in flags + traps):
        raise ValueError("bad context signals")
    if not all(type(v) is int for v in (prec, emin, emax, capitals, clamp)) or \
            type(rounding) is not str:
        raise ValueError("bad context fields")
    ctx = _make_context(prec=prec, rounding=rounding, Emin=emin, Emax=emax, capitals=capitals,
                        clamp=clamp, traps=[_SIGNALS[s] for s in traps])
    _flags_descr.__set__(ctx, [_SIGNALS[s] for s in flags])
    return ctx


def dump_state(state):
    """Plain data of the sandbox's current context (for snapshots)."""
    return _dump_context(state.current)


def load_state(vm, data):
    vm.module_state[NAME].current = _load_context(data)


SNAPSHOT = {Decimal: (_dump_decimal, _load_decimal), _Base: (_dump_decimal, _load_decimal),
            Context: (_dump_context, _load_context)}

EXCEPTIONS = (_d.DecimalException, _d.Clamped, _d.InvalidOperation, _d.ConversionSyntax,
              _d.DivisionByZero, _d.DivisionImpossible, _d.DivisionUndefined, _d.Inexact,
              _d.InvalidContext, _d.Rounded, _d.Subnormal, _d.Overflow, _d.Underflow,
              _d.FloatOperation)

_SignalDict = type(_d.Context().traps)
_DecimalTuple = _d.DecimalTuple

TYPES = (Decimal, Context)
METHODS = {
    Decimal: _DECIMAL_METHODS,
    Context: _CONTEXT_METHODS,
    _SignalDict: {"keys": _SignalDict.keys, "values": _SignalDict.values,
                  "items": _SignalDict.items, "get": _SignalDict.get,
                  "copy": _SignalDict.copy},
    _DecimalTuple: {"count": tuple.count, "index": tuple.index,
                    "_asdict": _DecimalTuple._asdict},
}
ATTRIBUTES = {
    Decimal: ("real", "imag"),
    Context: ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "traps", "flags"),
    _DecimalTuple: ("sign", "digits", "exponent"),
}
WRITABLE = {
    Context: ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "traps", "flags"),
}
TP_NAMES = {Decimal: "decimal.Decimal", Context: "decimal.Context"}


def build(vm):
    if vm.module_state is None:
        vm.module_state = {}
    state = vm.module_state.get(NAME)
    if state is None:
        state = vm.module_state[NAME] = _new_state()
    names = {
        "Decimal": Decimal, "Context": Context, "DecimalTuple": _DecimalTuple,
        "getcontext": getcontext, "setcontext": setcontext, "localcontext": localcontext,
        "DefaultContext": state.default, "BasicContext": state.basic,
        "ExtendedContext": state.extended,
        "MAX_PREC": MAX_PREC, "MAX_EMAX": MAX_EMAX, "MIN_EMIN": -MAX_EMAX,
        "MIN_ETINY": -MAX_EMAX - MAX_PREC + 1, "HAVE_THREADS": True, "HAVE_CONTEXTVAR": True,
    }
    for r in ("ROUND_05UP", "ROUND_CEILING", "ROUND_DOWN", "ROUND_FLOOR", "ROUND_HALF_DOWN",
              "ROUND_HALF_EVEN", "ROUND_HALF_UP", "ROUND_UP"):
        names[r] = getattr(_d, r)
    for exc in EXCEPTIONS:
        names[exc.__name__] = exc
    return names
