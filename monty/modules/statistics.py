"""`statistics` for sandbox code: CPython's functions, with the data collected in charged
chunks before they run (CPython's code then walks a list of known size)."""

import statistics as _st

from ._support import charge, materialize

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


def build(vm):
    names = {name: _wrap(name) for name in _ONE_ARG if hasattr(_st, name)}
    names["quantiles"] = quantiles
    names["StatisticsError"] = StatisticsError
    return names
