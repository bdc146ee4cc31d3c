# kind: dos
# expect: blocked
# desc: an executor asked to run an endless stream of tasks
from concurrent.futures import ThreadPoolExecutor
import itertools
with ThreadPoolExecutor() as ex:
    for f in ex.map(lambda x: [x] * 100, itertools.count()):
        pass
