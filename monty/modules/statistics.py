"""`statistics` for sandbox code: CPython's functions, with the data collected in charged
chunks before they run (CPython's code then walks a list of known size)."""

import statistics as _st

from ._support import charge, materialize, need_items

NAME = "statistics"
StatisticsError = _st.StatisticsError
EXCEPTIONS = (StatisticsError,)

_ONE_ARG = ("mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low",
            "median_high", "mode", "multimode", "pvariance", "pstdev", "variance", "stdev",
            "median_grouped")


# steps (~120 ns) per item: the exact (Fraction) sums cost 450-750 ns an item, twice that on
# a busy machine
_EXACT = frozenset(("mean", "pvariance", "pstdev", "variance", "stdev", "mode", "multimode"))


def _wrap(name):
    func = getattr(_st, name)
    steps = 16 if name in _EXACT else 4

    def wrapper(data, *args, **kwargs):
        items = materialize(data)
        charge(steps * len(items))
        return func(items, *args, **kwargs)

    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__module__ = "statistics"
    return wrapper


def quantiles(data, *, n=4, method="exclusive"):
    if type(n) is not int and isinstance(n, int) and type(n) is not bool:
        n = int.__index__(n)       # (a subclass's own > would answer the check below)
    if isinstance(n, int) and n > 100_000:
        raise ValueError("quantiles() supports n up to 100000 in the sandbox")
    items = materialize(data)
    charge(4 * len(items) + (n if isinstance(n, int) else 0))
    return _st.quantiles(items, n=n, method=method)


def _wrap_pair(name):
    func = getattr(_st, name)

    def wrapper(x, y, /, *args, **kwargs):
        xs = materialize(x)
        ys = materialize(y)
        charge(8 * (len(xs) + len(ys)))
        return func(xs, ys, *args, **kwargs)

    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__module__ = "statistics"
    return wrapper


_ND = _st.NormalDist
_MAX_SAMPLES = 10_000_000


class NormalDist(_ND):
    """Normal distribution of a random variable (statistics.NormalDist); sample counts and
    quantile counts are checked before the lists are built."""

    __slots__ = ()
    __module__ = "statistics"

    @classmethod
    def from_samples(cls, data):
        items = materialize(data)
        charge(4 * len(items))
        return _as_nd(_ND.from_samples(items))

    def samples(self, n, *, seed=None):
        if isinstance(n, int) and not isinstance(n, bool):
            n = int.__index__(n)
            if n > _MAX_SAMPLES:
                raise ValueError(f"samples() supports n up to {_MAX_SAMPLES} in the sandbox")
            need_items(n)
            charge(4 * n)
        if seed is not None and not isinstance(seed, (int, float, str, bytes, bytearray)):
            raise TypeError("samples() seed must be None, int, float, str, bytes or bytearray")
        return _ND.samples(self, n, seed=seed)

    def quantiles(self, n=4):
        if isinstance(n, int) and not isinstance(n, bool):
            n = int.__index__(n)
            if n > 100_000:
                raise ValueError("quantiles() supports n up to 100000 in the sandbox")
            charge(n)
        return _ND.quantiles(self, n)

    def __reduce__(self):
        return (NormalDist, (self.mean, self.stdev))


NormalDist.__qualname__ = "NormalDist"


def _as_nd(v):
    if type(v) is _ND:
        return NormalDist(v.mean, v.stdev)
    return v


def _nd_op(name):
    base = getattr(_ND, name)

    def op(*args):
        return _as_nd(base(*args))
    op.__name__ = name
    return op


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
              "__truediv__", "__pos__", "__neg__"):
    setattr(NormalDist, _name, _nd_op(_name))

TYPES = (NormalDist,)
METHODS = {NormalDist: {
    "from_samples": NormalDist.from_samples, "samples": NormalDist.samples,
    "quantiles": NormalDist.quantiles, "pdf": _ND.pdf, "cdf": _ND.cdf, "inv_cdf": _ND.inv_cdf,
    "overlap": _ND.overlap, "zscore": _ND.zscore}}
_LR = type(_st.linear_regression([1, 2], [1, 2]))
ATTRIBUTES = {NormalDist: ("mean", "median", "mode", "stdev", "variance"),
              _LR: ("slope", "intercept", "_fields")}
METHODS[_LR] = {"_asdict": _LR._asdict, "count": tuple.count, "index": tuple.index}


def _load_nd(data):
    if type(data) is not list or len(data) != 2 or not all(type(x) is float for x in data):
        raise ValueError("bad NormalDist")
    return NormalDist(*data)


SNAPSHOT = {NormalDist: (lambda v: [float(v.mean), float(v.stdev)], _load_nd)}


def build(vm):
    names = {name: _wrap(name) for name in _ONE_ARG if hasattr(_st, name)}
    for name in ("correlation", "covariance", "linear_regression"):
        names[name] = _wrap_pair(name)
    names["NormalDist"] = NormalDist
    names["quantiles"] = quantiles
    names["StatisticsError"] = StatisticsError
    return names
