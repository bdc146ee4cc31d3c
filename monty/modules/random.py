"""`random` for sandbox code: one `random.Random` per sandbox (seeded from the host's entropy
unless the sandbox seeds it), with the sizes of results checked before they are built and long
loops counted against the sandbox's limits."""

import random as _r

from .. import policy

NAME = "random"

_CHUNK = 1000


def _charge(n):
    from monty import _core
    _core.charge(n)


def _exact(n):
    """An int subclass as its exact value (its own `__gt__`/`__mul__` would answer the size
    checks as the sandbox likes, while CPython's C code reads the raw value)."""
    if type(n) is not int and isinstance(n, int) and type(n) is not bool:
        return int.__index__(n)
    return n


def _check_k(k, name):
    if isinstance(k, int) and k > _CHUNK:
        policy.check_alloc(k * 8)


class _SandboxRandom(_r.Random):
    """random.Random whose bulk operations check sizes and count their work."""

    def seed(self, a=None, version=2):
        if a is not None and not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError("The only supported seed types are: None,\n"
                            "int, float, str, bytes, and bytearray.")
        super().seed(a, version)

    def shuffle(self, x):
        randbelow = self._randbelow
        n = len(x)
        for i in reversed(range(1, n)):
            if not i % _CHUNK:
                _charge(_CHUNK)
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        k = _exact(k)
        _check_k(k, "choices")
        if not isinstance(k, int) or k <= _CHUNK:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        n = len(population)
        if cum_weights is None and weights is not None:
            if len(weights) != n:
                raise ValueError('The number of weights does not match the population')
            from itertools import accumulate
            cum_weights = list(accumulate(weights))
        result = []
        while len(result) < k:
            _charge(_CHUNK)
            part = min(_CHUNK, k - len(result))
            result.extend(super().choices(population, cum_weights=cum_weights, k=part))
        return result

    def sample(self, population, k, *, counts=None):
        k = _exact(k)
        _check_k(k, "sample")
        if isinstance(k, int) and k > _CHUNK:
            _charge(k)
        return super().sample(population, k, counts=counts)

    def randbytes(self, n):
        n = _exact(n)
        if isinstance(n, int) and n > 0:
            policy.check_alloc(n)
        return super().randbytes(n)

    def getrandbits(self, k):
        k = _exact(k)
        if isinstance(k, int) and k > 0:
            policy.check_alloc(k // 8)
        return super().getrandbits(k)


_SandboxRandom.__name__ = _SandboxRandom.__qualname__ = "Random"

_METHOD_NAMES = """
random randint randrange choice choices shuffle sample uniform gauss seed getrandbits
randbytes triangular betavariate expovariate gammavariate lognormvariate normalvariate
paretovariate vonmisesvariate weibullvariate getstate setstate
""".split()

METHODS = {_SandboxRandom: {name: getattr(_SandboxRandom, name) for name in _METHOD_NAMES}}


def _dump_random(rng):
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def _load_random(data):
    if not (type(data) is list and len(data) == 3 and type(data[1]) is list
            and all(type(x) is int for x in data[1])
            and (data[2] is None or type(data[2]) is float)):
        raise ValueError("bad Random state")
    rng = _SandboxRandom(0)
    rng.setstate((data[0], tuple(data[1]), data[2]))     # (checks the version and the words)
    return rng


SNAPSHOT = {_SandboxRandom: (_dump_random, _load_random)}



def build(vm):
    rng = _SandboxRandom()
    names = {name: getattr(rng, name) for name in _METHOD_NAMES}
    names["Random"] = _SandboxRandom
    return names
