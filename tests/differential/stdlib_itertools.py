# count with islice
import itertools
list(itertools.islice(itertools.count(), 5))
# ---
# count with start and step, floats
import itertools
list(itertools.islice(itertools.count(10, 2.5), 4))
# ---
# count repr and negative step
import itertools
c = itertools.count(5, -1)
[next(c), next(c), repr(c)]
# ---
# count rejects non-numbers
import itertools
itertools.count('a')
# ---
# cycle over a string
import itertools
list(itertools.islice(itertools.cycle('abc'), 7))
# ---
# cycle of an empty iterable stops
import itertools
list(itertools.cycle([]))
# ---
# cycle of a non-iterable
import itertools
itertools.cycle(5)
# ---
# repeat with and without times
import itertools
[list(itertools.repeat('x', 3)), list(itertools.islice(itertools.repeat(7), 4)), list(itertools.repeat(1, -2))]
# ---
# repeat repr
import itertools
[repr(itertools.repeat(1)), repr(itertools.repeat('a', 2))]
# ---
# repeat times must be an integer
import itertools
itertools.repeat(1, 'a')
# ---
# accumulate: sums, custom function, initial
import itertools, operator
[list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)),
 list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)), list(itertools.accumulate([], initial=5))]
# ---
# chain and chain.from_iterable
import itertools
[list(itertools.chain('ab', [1, 2], (3,))), list(itertools.chain.from_iterable(['xy', 'z'])), list(itertools.chain())]
# ---
# chain fails lazily on a non-iterable argument
import itertools
c = itertools.chain([1], 2)
out = [next(c)]
try:
    next(c)
except TypeError as e:
    out.append(str(e))
out
# ---
# compress, dropwhile, takewhile, filterfalse
import itertools
[list(itertools.compress('abcdef', [1, 0, 1, 0, 1, 1])),
 list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])),
 list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])),
 list(itertools.filterfalse(lambda x: x % 2, range(10))),
 list(itertools.filterfalse(None, [0, 1, '', 'a', None]))]
# ---
# groupby with and without key
import itertools
[[(k, list(g)) for k, g in itertools.groupby('aaabbcaa')],
 [(k, list(g)) for k, g in itertools.groupby(range(10), key=lambda x: x // 3)]]
# ---
# groupby: an old group is exhausted when the outer iterator advances
import itertools
groups = list(itertools.groupby('aabbb'))
[(k, list(g)) for k, g in groups]
# ---
# groupby keys only
import itertools
[k for k, _ in itertools.groupby(sorted('mississippi'))]
# ---
# islice forms
import itertools
r = range(20)
[list(itertools.islice(r, 3)), list(itertools.islice(r, 2, 6)), list(itertools.islice(r, 1, 12, 4)),
 list(itertools.islice(r, 15, None)), list(itertools.islice(r, None)), list(itertools.islice('abc', 10))]
# ---
# islice leaves the source positioned after the slice
import itertools
it = iter(range(10))
first = list(itertools.islice(it, 3))
[first, next(it)]
# ---
# islice negative stop
import itertools
itertools.islice(range(5), -1)
# ---
# islice negative start
import itertools
itertools.islice(range(5), -1, 3)
# ---
# islice zero step
import itertools
itertools.islice(range(5), 0, 3, 0)
# ---
# pairwise
import itertools
[list(itertools.pairwise('abcd')), list(itertools.pairwise([1])), list(itertools.pairwise([]))]
# ---
# pairwise of a non-iterable
import itertools
itertools.pairwise(3)
# ---
# starmap
import itertools
list(itertools.starmap(pow, [(2, 3), (3, 2), (10, 0)]))
# ---
# tee gives independent iterators
import itertools
a, b = itertools.tee(iter([1, 2, 3]))
x = next(a)
[x, list(b), list(a)]
# ---
# tee with n
import itertools
[list(t) for t in itertools.tee('ab', 3)] + [len(itertools.tee('ab', 0))]
# ---
# tee with negative n
import itertools
itertools.tee('ab', -1)
# ---
# zip_longest
import itertools
[list(itertools.zip_longest('abc', [1])), list(itertools.zip_longest('ab', 'xyz', fillvalue='-')), list(itertools.zip_longest())]
# ---
# zip_longest of a non-iterable
import itertools
itertools.zip_longest([1], 2)
# ---
# product
import itertools
[list(itertools.product('ab', [0, 1])), list(itertools.product(range(2), repeat=3))[:4], list(itertools.product()),
 list(itertools.product('ab', []))]
# ---
# product negative repeat
import itertools
itertools.product('ab', repeat=-1)
# ---
# permutations
import itertools
[list(itertools.permutations('abc')), list(itertools.permutations(range(4), 2))[:5], list(itertools.permutations('ab', 3)),
 list(itertools.permutations([], 0))]
# ---
# permutations with a negative r
import itertools
itertools.permutations('abc', -1)
# ---
# combinations and combinations_with_replacement
import itertools
[list(itertools.combinations('abcd', 2)), list(itertools.combinations(range(3), 0)), list(itertools.combinations('ab', 3)),
 list(itertools.combinations_with_replacement('abc', 2)), list(itertools.combinations_with_replacement('', 2))]
# ---
# combinations counts
import itertools
[len(list(itertools.combinations(range(10), 4))), len(list(itertools.permutations(range(6)))),
 sum(1 for _ in itertools.product(range(5), repeat=4))]
# ---
# combinations with a negative r
import itertools
itertools.combinations('abc', -2)
# ---
# itertools iterators in for loops and generators
import itertools
total = 0
for i, x in zip(itertools.count(1), itertools.cycle([10, 20])):
    if i > 5:
        break
    total += i * x
total
# ---
# type names of itertools objects
import itertools
[type(itertools.count()).__name__, type(itertools.chain()).__name__, type(itertools.islice([], 1)).__name__]
# ---
# itertools objects and generators are collections.abc iterators
import itertools, collections.abc
[isinstance(itertools.count(), collections.abc.Iterator), isinstance(iter([]), collections.abc.Iterator), isinstance((x for x in []), collections.abc.Generator)]
# ---
# islice with a non-integer stop
import itertools
itertools.islice([1], 'a')
# ---
# permutations with a non-integer r
import itertools
itertools.permutations('ab', 'x')
# ---
# starmap over non-tuples
import itertools
list(itertools.starmap(pow, [1]))
# ---
# chain.from_iterable of a non-iterable fails when consumed
import itertools
list(itertools.chain.from_iterable(5))
# ---
# a groupby group is exhausted once the groupby advances
import itertools
g = itertools.groupby([1, 1, 2])
k, grp = next(g)
next(g)
list(grp)
# ---
# accumulate of strings and initial=None
import itertools
list(itertools.accumulate([1, 2], initial=None)), list(itertools.accumulate('abc'))
# ---
# itertools adaptors: CPython's argument errors
import itertools
out = []
for code in (lambda: itertools.pairwise(), lambda: itertools.pairwise([1], [2]),
             lambda: itertools.pairwise(iterable=[1]), lambda: itertools.cycle(),
             lambda: itertools.cycle(iterable=[1]), lambda: itertools.compress(),
             lambda: itertools.compress([1]), lambda: itertools.compress([1], [1], data=[1]),
             lambda: itertools.compress([1], data=[1]), lambda: itertools.islice([1], stop=1),
             lambda: itertools.islice([1]), lambda: itertools.chain(x=[1]),
             lambda: itertools.takewhile(bool), lambda: itertools.dropwhile(bool, [], []),
             lambda: itertools.filterfalse(bool, iterable=[]), lambda: itertools.starmap(),
             lambda: itertools.accumulate(), lambda: itertools.accumulate([1], None, 2),
             lambda: itertools.accumulate([1], bogus=2)):
    try:
        code()
        out.append('no error')
    except TypeError as e:
        out.append(str(e))
out + [list(itertools.compress(data='ABC', selectors=[0, 1, 1])),
       list(itertools.accumulate([1, 2, 3], func=lambda a, b: a * b))]
# ---
# itertools types print with their module, __name__ is the short name
import itertools
[str(type(itertools.pairwise([]))), type(itertools.chain()).__name__,
 repr(type(itertools.islice([], 1)))]
# ---
# a chain whose next source fails iter() is spent afterwards
import itertools
spent = itertools.chain([1], 5, [2, 3])
out = [next(spent)]
try:
    next(spent)
except TypeError as e:
    out.append(str(e))
out + [list(spent), list(spent)]
