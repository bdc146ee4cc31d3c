# if / elif / else picks the first true branch
out = []
for n in [-5, 0, 3, 50]:
    if n < 0:
        out.append('neg')
    elif n == 0:
        out.append('zero')
    elif n < 10:
        out.append('small')
    else:
        out.append('big')
out
# ---
# conditional expressions, nested
[('even' if n % 2 == 0 else 'odd') if n else 'zero' for n in range(4)]
# ---
# while loop with a counter
i = 0
total = 0
while i < 10:
    total += i
    i += 1
[i, total]
# ---
# while with break skips the else clause
i = 0
found = None
while i < 10:
    if i * i > 20:
        found = i
        break
    i += 1
else:
    found = 'never'
found
# ---
# while else runs when the loop ends normally
i = 0
while i < 3:
    i += 1
else:
    i = 'done'
i
# ---
# for with continue
odds = []
for n in range(10):
    if n % 2 == 0:
        continue
    odds.append(n)
odds
# ---
# for-else runs only without break
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            break
    else:
        return -1
    return i
[find('abc', 'c'), find('abc', 'z'), find('', 'a')]
# ---
# break and continue act on the innermost loop
pairs = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        pairs.append((i, j))
pairs
# ---
# the loop variable keeps its last value after the loop
for k in range(5):
    pass
for m in []:
    pass
try:
    m
except NameError as e:
    r = str(e)
[k, r]
# ---
# a for loop sees items appended to the list during iteration
l = [1, 2, 3]
for x in l:
    if x < 3:
        l.append(x * 10)
l
# ---
# walrus in a while condition
data = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
taken = []
while (v := data[i]) != 9:
    taken.append(v)
    i += 1
[taken, v]
# ---
# walrus in a comprehension filter binds in the enclosing scope
vals = [y for x in range(6) if (y := x * x) % 2 == 0]
[vals, y]
# ---
# walrus in an if test
s = 'hello world'
if (n := len(s)) > 5:
    r = f'long ({n})'
r
# ---
# pass is a statement that does nothing
if True:
    pass
for _ in range(2):
    pass
while False:
    pass
'ok'
# ---
# del removes a name, and a list of names
x = 1
y = 2
z = 3
del x
del y, z
try:
    y
except NameError as e:
    r = str(e)
r
# ---
# deleting a name then reading it raises NameError
x = 1
del x
x
# ---
# deleting an unbound name raises NameError
del never_bound
# ---
# assert with a passing condition does nothing
assert 1 + 1 == 2, 'math'
assert [1]
'passed'
# ---
# failing assert with a message raises AssertionError
x = 3
assert x > 5, f'x too small: {x}'
# ---
# failing assert without a message raises AssertionError
assert []
# ---
# assert message is evaluated only on failure
calls = []
def msg():
    calls.append(1)
    return 'm'
assert True, msg()
calls
# ---
# print with sep and end
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('no newline', end='')
print(' then', 1, 2.5, None, [1], sep='|', end='!\n')
print()
print(sep='x', end='.')
'printed'
# ---
# print uses str() of its arguments
print('x', 1, True, {'k': 'v'}, ('t',), b'b', 1e100)
# ---
# printed output before an uncaught exception is kept; raises KeyError
print('before')
x = {}['missing']
print('after')
# ---
# nested loops that print a table
for i in range(1, 4):
    print(' '.join(f'{i * j:3}' for j in range(1, 4)))
i
# ---
# a while True loop ended with break
n = 27
steps = 0
while True:
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
steps
# ---
# looping over a dict while changing its size raises RuntimeError
d = {'a': 1, 'b': 2}
for k in d:
    d[k + k] = 0
# ---
# the value of a module with no final expression is None
x = 1
if x:
    y = 2
