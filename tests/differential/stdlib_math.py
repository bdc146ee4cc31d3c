# math.gcd and math.lcm: small, many, huge and odd arguments
import math
[math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(True, 4),
 math.lcm(), math.lcm(-7), math.lcm(4, 6), math.lcm(0, 5), math.lcm(3, 0, 7),
 math.gcd(*range(0, 300000, 6)), math.lcm(*range(1, 200)) % 1000003,
 math.gcd(2 ** 4000 * 3, 2 ** 3000 * 9), math.lcm(2 ** 4000, 3 ** 2000) % 1000003,
 math.gcd(*[2 ** 700] * 100), math.lcm(*[2 ** 700, 3] * 50) % 97]
# ---
# math.gcd / math.lcm errors
import math
out = []
for f in (math.gcd, math.lcm):
    for args in ((1.5,), (4, 'a'), (4, 2.0), tuple(range(100)) + (None,)):
        try:
            f(*args)
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    try:
        f(4, x=2)
    except Exception as e:
        out.append((type(e).__name__, str(e)))
out
# ---
# math.gcd with __index__
import math
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
[math.gcd(I(12), I(18)), math.lcm(I(4), 6), math.isqrt(I(17)), math.gcd(*[I(10 ** 200)] * 70) == 10 ** 200]
# ---
# math.prod: ints, floats, mixed, start, big
import math
[math.prod([]), math.prod([], start=5), math.prod([2, 3, 4]), math.prod(range(1, 20)),
 math.prod([1.5, 2, 3]), math.prod([2, 1.5, 10 ** 20]), math.prod((x for x in range(1, 6)), start=2),
 math.prod(range(1, 3000)) == math.factorial(2999), math.prod([0.1] * 50),
 math.prod([2 ** 100] * 40, start=3) == 3 * 2 ** 4000, math.prod([True, True, 3]),
 math.prod([1, 2.5, 3] * 1000) == math.prod(iter([1, 2.5, 3] * 1000)),
 math.prod(['ab'], start=3), math.prod([3], start='ab'), math.prod([[1], 2, 2]),
 math.prod({2: 'a', 5: 'b'}), math.prod('a', start=2)]
# ---
# math.prod errors
import math
out = []
for args, kwargs in (((), {}), (([1], [2]), {}), ((5,), {}), (([1],), {'begin': 2}),
                     (([1, 'a', 'b'],), {}), (([2 ** 2000, 1.0],), {}), (([None],), {})):
    try:
        out.append(math.prod(*args, **kwargs))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
out
# ---
# math.prod with a class defining __mul__ and __rmul__
import math
class V:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return V(self.v * (o.v if isinstance(o, V) else o))
    def __rmul__(self, o):
        return V(o * self.v + 1)
[math.prod([V(2), 3, V(4)]).v, math.prod([3, V(2)]).v, math.prod([V(5)] * 3, start=V(1)).v]
# ---
# math.fsum, hypot, dist, isqrt
import math
out = [math.fsum([0.1] * 10), math.fsum(range(100000)), math.fsum(x / 7 for x in range(5000)),
       math.fsum([1e100, 1.0, -1e100]), math.fsum(()), math.hypot(), math.hypot(3, 4),
       math.hypot(*range(30000)), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], (4, 5, 6)),
       math.dist(range(5), range(5, 10)), math.dist(iter([1, 1]), iter([2, 2])),
       math.isqrt(0), math.isqrt(10 ** 50), math.isqrt(2 ** 20001) % 1000003, math.isqrt(True)]
for f, args in ((math.fsum, (5,)), (math.fsum, (['a'],)), (math.fsum, ()), (math.fsum, ([1], [2])),
                (math.dist, ((1,), (1, 2))), (math.dist, (5, (1,))), (math.dist, ((1,),)),
                (math.isqrt, (-1,)), (math.isqrt, (1.5,)), (math.hypot, ('a',)),
                (math.fsum, ([float('inf'), -float('inf')],))):
    try:
        f(*args)
    except Exception as e:
        out.append((type(e).__name__, str(e)))
out
# ---
# math.factorial, comb, perm: ordinary sizes and errors
import math
out = [math.factorial(0), math.factorial(20), math.factorial(6000) % 1000003,
       math.comb(10, 3), math.comb(6000, 3000) % 1000003, math.comb(6000, 7000), math.comb(7000, 0),
       math.perm(10), math.perm(10, 3), math.perm(6000, 2000) % 1000003, math.perm(6000, 6001)]
for f, args in ((math.factorial, (-1,)), (math.factorial, (1.5,)), (math.comb, (-1, 2)),
                (math.comb, (5, -2)), (math.perm, (5, -1)), (math.comb, (5.0, 2))):
    try:
        f(*args)
    except Exception as e:
        out.append((type(e).__name__, str(e)))
out
