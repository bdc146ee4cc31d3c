# comparison operators on ints
[1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 == 5, 5 != 5, 5 > -5]
# ---
# int, float and bool compare by value
[1 == 1.0, True == 1, False == 0, 0.5 < 1, 2 > 1.5, True < 2, 1.0 != 1]
# ---
# chained comparisons
x = 5
[1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 < 2 > 0 < 3, x == 5 == 5.0, 3 < x == 5]
# ---
# chained comparisons evaluate the middle operand once
calls = []
def mid():
    calls.append(1)
    return 5
r = 1 < mid() < 10
[r, len(calls)]
# ---
# chained comparison short-circuits at the first false link
calls = []
def f(v):
    calls.append(v)
    return v
r = f(3) < f(2) < f(1)
[r, calls]
# ---
# strings compare lexicographically by code point
['abc' < 'abd', 'ab' < 'abc', 'Z' < 'a', '' < 'a', 'b' > 'abc', 'é' > 'z']
# ---
# lists and tuples compare element by element
[[1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), (2,) > (1, 9, 9), [] == [], (1, 2) == (1, 2)]
# ---
# a list never equals a tuple
[[1, 2] == (1, 2), [1, 2] != (1, 2), list((1, 2)) == [1, 2]]
# ---
# dict and set equality ignore order
[{'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1, 2, 3} == {3, 2, 1}, {1, 2} == frozenset({1, 2}), {'a': 1} == {'a': 1.0}]
# ---
# set comparisons are subset tests
[{1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 3} > {1}, {1, 2} > {3}]
# ---
# NaN is unequal to everything, itself included
nan = float('nan')
[nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan]]
# ---
# in and not in over containers
[2 in [1, 2, 3], 4 not in (1, 2), 'a' in {'a': 1}, 1 in {'a': 1}, 3 in {1, 2, 3}, 'bc' in 'abcd', '' in 'x', 5 in range(10)]
# ---
# in uses == so 1.0 finds 1
[1.0 in [1, 2], True in [1], 0 in [False], (1, 2) in [[1, 2]]]
# ---
# is and is not on singletons
a = None
[a is None, a is not None, True is True, [] is [], (lambda: 0) is not None]
# ---
# is compares identity of mutable values
a = [1]
b = a
c = [1]
[a is b, a is c, a == c, a is not c]
# ---
# boolean operators return an operand, not a bool
[1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'x', [] and 5, None or 0, 'a' and '' and 'b']
# ---
# and/or short-circuit
calls = []
def f(v):
    calls.append(v)
    return v
r = [f(0) and f(1), f(2) or f(3), f(0) or f(None) or f(4)]
[r, calls]
# ---
# truthiness of built-in values
[bool(0), bool(0.0), bool(''), bool([]), bool({}), bool(()), bool(set()), bool(None), bool(1), bool(' '), bool([0]), bool(-0.5)]
# ---
# not on various values
[not [], not [0], not '', not 'a', not None, not 0.0]
# ---
# ordering an int against a str raises TypeError
1 < 'a'
# ---
# ordering None raises TypeError
None > 0
# ---
# ordering a list against a tuple raises TypeError
[1] < (1,)
# ---
# mixed-type list ordering fails at the first differing element and raises TypeError
[1, 'a'] < [1, 2]
# ---
# in on a non-container raises TypeError
1 in 5
# ---
# int in str raises TypeError
1 in 'abc'
# ---
# unhashable in set raises TypeError
[1] in {1, 2}
# ---
# equality across unrelated types is just False
[1 == 'a', None == 0, [] == {}, 'a' != b'a']
