# list comprehension with a filter
[x * x for x in range(10) if x % 3 == 0]
# ---
# nested for clauses run left to right
[(x, y) for x in range(3) for y in 'ab' if x != 1]
# ---
# a comprehension over the result of another
[[c.upper() for c in word] for word in ['ab', 'cde']]
# ---
# dict comprehension
words = ['apple', 'kiwi', 'banana']
{w: len(w) for w in words if 'a' in w}
# ---
# dict comprehension inverting a mapping
d = {'a': 1, 'b': 2, 'c': 1}
{v: k for k, v in d.items()}
# ---
# set comprehension
{x % 4 for x in range(20)}
# ---
# generator expressions feed sum, any, all, max, min and join
nums = [3, -1, 4, -1, 5]
[sum(x * x for x in nums), any(x < 0 for x in nums), all(x < 10 for x in nums), max(abs(x) for x in nums), min(x for x in nums if x > 0), '-'.join(str(x) for x in nums)]
# ---
# a generator expression is consumed once
g = (x * 2 for x in range(4))
first = list(g)
second = list(g)
[first, second]
# ---
# next() over a generator expression
g = (c for c in 'xyz' if c != 'y')
[next(g), next(g), next(g, 'done')]
# ---
# the comprehension variable does not leak
x = 'outer'
r = [x for x in range(3)]
[r, x]
# ---
# comprehensions can read enclosing function locals
def f(n):
    return [i * n for i in range(3)]
f(7)
# ---
# comprehension inside a function using a closure
def scale_all(items, k):
    scale = lambda v: v * k
    return {name: scale(v) for name, v in items}
scale_all([('a', 1), ('b', 2)], 10)
# ---
# conditional expression inside a comprehension
['fizz' * (n % 3 == 0) + 'buzz' * (n % 5 == 0) or str(n) for n in range(1, 16)]
# ---
# flattening with a nested comprehension
matrix = [[1, 2, 3], [4, 5, 6]]
[[row[i] for row in matrix] for i in range(3)] + [[v for row in matrix for v in row]]
# ---
# a comprehension over a dict iterates its keys
d = {'b': 1, 'a': 2}
[k * 2 for k in d]
# ---
# sorted on a set comprehension of strings is deterministic
sorted({w.lower() for w in 'The cat the Hat THE'.split()})
# ---
# tuples from a generator
tuple(i for i in range(5) if i % 2)
# ---
# comprehension walrus collects running totals
total = 0
[total := total + x for x in [1, 2, 3, 4]]
# ---
# an error inside a comprehension raises ZeroDivisionError
[1 // x for x in [2, 1, 0]]
# ---
# the first iterable is evaluated eagerly: raises TypeError
g = (x for x in 5)
# ---
# unhashable key in a dict comprehension raises TypeError
{[x]: x for x in range(2)}
# ---
# an undefined name inside a comprehension raises NameError
[undefined_thing for _ in range(1)]
