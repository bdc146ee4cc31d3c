# concurrent.futures ThreadPoolExecutor submit and result
from concurrent.futures import ThreadPoolExecutor
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(square, i) for i in range(5)]
    results = [f.result() for f in futs]
[results, futs[0].done(), futs[0].cancelled(), futs[0].exception()]
# ---
# concurrent.futures map and as_completed
import concurrent.futures
def work(n):
    return n * 10
with concurrent.futures.ThreadPoolExecutor() as pool:
    mapped = list(pool.map(work, [3, 1, 2]))
    fs = {pool.submit(work, n): n for n in [5, 6]}
    done = sorted((fs[f], f.result()) for f in concurrent.futures.as_completed(fs))
[mapped, done]
# ---
# concurrent.futures exceptions are kept in the future
from concurrent.futures import ThreadPoolExecutor
def boom(x):
    raise ValueError(f'bad {x}')
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(boom, 3)
    exc = f.exception()
    try:
        f.result()
    except ValueError as e:
        msg = str(e)
[type(exc).__name__, msg, f.done()]
# ---
# concurrent.futures map re-raises on iteration
from concurrent.futures import ThreadPoolExecutor
def inv(x):
    return 1 / x
with ThreadPoolExecutor() as ex:
    it = ex.map(inv, [1, 0, 2])
    out = [next(it)]
    try:
        next(it)
    except ZeroDivisionError as e:
        out.append(str(e))
out
# ---
# concurrent.futures wait and done callbacks
from concurrent import futures
seen = []
with futures.ThreadPoolExecutor() as ex:
    fs = [ex.submit(pow, 2, n) for n in range(4)]
    fs[0].add_done_callback(lambda f: seen.append(f.result()))
    done, not_done = futures.wait(fs)
[len(done), len(not_done), sorted(f.result() for f in done), seen, futures.ALL_COMPLETED]
# ---
# concurrent.futures submit after shutdown
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor()
ex.shutdown()
ex.submit(print, 1)
# ---
# bound methods called with *args and **kwargs (the executor's own calls)
class Acc:
    def __init__(self):
        self.items = []
    def add(self, *xs, sep='-'):
        self.items.append(sep.join(xs))
        return len(self.items)
a = Acc()
args = ['x', 'y']
[a.add(*args), a.add(*('p',), **{'sep': '+'}), a.add(*['q', 'r'], sep='/'), a.items]
