# group orders by customer and total them
orders = [
    {'id': 1, 'customer': 'acme', 'amount': 120.5, 'status': 'paid'},
    {'id': 2, 'customer': 'globex', 'amount': 75.0, 'status': 'pending'},
    {'id': 3, 'customer': 'acme', 'amount': 30.25, 'status': 'paid'},
    {'id': 4, 'customer': 'initech', 'amount': 200.0, 'status': 'refunded'},
    {'id': 5, 'customer': 'globex', 'amount': 15.0, 'status': 'paid'},
]
totals = {}
counts = {}
for order in orders:
    if order['status'] == 'refunded':
        continue
    c = order['customer']
    totals[c] = totals.get(c, 0) + order['amount']
    counts[c] = counts.get(c, 0) + 1
summary = [
    {'customer': c, 'total': round(t, 2), 'orders': counts[c], 'avg': round(t / counts[c], 2)}
    for c, t in sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
]
summary
# ---
# word frequencies, top words with ties broken alphabetically
text = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs! A quick, quick fox."""
words = []
for raw in text.lower().split():
    word = raw.strip('.,;!?')
    if word:
        words.append(word)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(f'{len(words)} words, {len(freq)} distinct')
for word, n in top:
    print(f'{word:<6}{n:>3} {"#" * n}')
top
# ---
# parse CSV-like text into typed records, collecting bad rows
raw = """name,age,city
alice,34,Paris
bob,notanumber,Berlin
carol,29,
dave,41,Oslo,extra
erin,25,Rome"""
lines = raw.splitlines()
header = lines[0].split(',')
records = []
errors = []
for lineno, line in enumerate(lines[1:], start=2):
    fields = line.split(',')
    if len(fields) != len(header):
        errors.append(f'line {lineno}: expected {len(header)} fields, got {len(fields)}')
        continue
    row = dict(zip(header, fields))
    try:
        row['age'] = int(row['age'])
    except ValueError as e:
        errors.append(f'line {lineno}: {e}')
        continue
    row['city'] = row['city'] or None
    records.append(row)
{'records': records, 'errors': errors, 'mean_age': sum(r['age'] for r in records) / len(records)}
# ---
# recursive walker over a JSON-like document
doc = {
    'name': 'root',
    'tags': ['a', 'b'],
    'children': [
        {'name': 'c1', 'size': 10, 'children': []},
        {'name': 'c2', 'size': 5, 'children': [{'name': 'c2a', 'size': 7, 'meta': {'ok': True, 'score': 1.5}}]},
    ],
}
def walk(node, path, out):
    if isinstance(node, dict):
        for key, value in node.items():
            walk(value, f'{path}.{key}' if path else key, out)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            walk(item, f'{path}[{i}]', out)
    else:
        out.append((path, node))
    return out
def total_size(node):
    own = node.get('size', 0)
    return own + sum(total_size(child) for child in node.get('children', []))
leaves = walk(doc, '', [])
[len(leaves), leaves[:3], leaves[-1], total_size(doc)]
# ---
# memoized fibonacci with a dict, and a call counter
memo = {}
calls = 0
def fib(n):
    global calls
    calls += 1
    if n in memo:
        return memo[n]
    result = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result
values = [fib(n) for n in (10, 50, 90)]
[values, calls, len(memo)]
# ---
# retry a flaky operation with backoff bookkeeping
attempt_log = []
failures = {'fetch_a': 2, 'fetch_b': 5}
def call(name):
    remaining = failures.get(name, 0)
    if remaining > 0:
        failures[name] = remaining - 1
        raise TimeoutError(f'{name} timed out')
    return f'{name}: ok'
def with_retries(name, max_attempts=3):
    delay = 0.5
    for attempt in range(1, max_attempts + 1):
        try:
            result = call(name)
        except TimeoutError as e:
            attempt_log.append((name, attempt, str(e), delay))
            delay *= 2
        else:
            return result
    raise RuntimeError(f'{name} failed after {max_attempts} attempts')
results = []
for name in ['fetch_a', 'fetch_b', 'fetch_c']:
    try:
        results.append(with_retries(name))
    except RuntimeError as e:
        results.append(f'error: {e}')
[results, attempt_log]
# ---
# a counter factory with closures used as a small event tracker
def make_tracker():
    events = {}
    def record(kind, n=1):
        events[kind] = events.get(kind, 0) + n
        return events[kind]
    def report(min_count=0):
        return {k: v for k, v in sorted(events.items()) if v >= min_count}
    return record, report
record, report = make_tracker()
for kind in ['click', 'view', 'click', 'scroll', 'view', 'click']:
    record(kind)
record('purchase', 3)
[report(), report(min_count=3)]
# ---
# a tiny expression evaluator with a tokenizer and a stack
def tokenize(src):
    tokens, num = [], ''
    for ch in src:
        if ch.isdigit():
            num += ch
            continue
        if num:
            tokens.append(int(num))
            num = ''
        if ch in '+-*/()':
            tokens.append(ch)
        elif not ch.isspace():
            raise ValueError(f'bad character {ch!r}')
    if num:
        tokens.append(int(num))
    return tokens
def evaluate(tokens):
    prec = {'+': 1, '-': 1, '*': 2, '/': 2}
    out, ops = [], []
    def apply():
        op = ops.pop()
        b, a = out.pop(), out.pop()
        out.append(a + b if op == '+' else a - b if op == '-' else a * b if op == '*' else a // b)
    for t in tokens:
        if isinstance(t, int):
            out.append(t)
        elif t == '(':
            ops.append(t)
        elif t == ')':
            while ops[-1] != '(':
                apply()
            ops.pop()
        else:
            while ops and ops[-1] != '(' and prec[ops[-1]] >= prec[t]:
                apply()
            ops.append(t)
    while ops:
        apply()
    return out[0]
results = {}
for src in ['1 + 2 * 3', '(1 + 2) * 3', '100 / 7 - 2', '2 * (3 + 4) * 5', '8 / (4 - 4)', '2 $ 3']:
    try:
        results[src] = evaluate(tokenize(src))
    except (ValueError, ZeroDivisionError) as e:
        results[src] = f'{type(e).__name__}: {e}'
results
# ---
# breadth-first search over an adjacency dict
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': [], 'g': ['a']}
def shortest_path(start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None
[shortest_path('a', 'f'), shortest_path('g', 'e'), shortest_path('f', 'a'), shortest_path('a', 'a')]
# ---
# topological sort with cycle detection
deps = {'app': ['lib', 'utils'], 'lib': ['core'], 'utils': ['core'], 'core': [], 'tests': ['app']}
def topo(deps):
    order, state = [], {}
    def visit(n, stack):
        if state.get(n) == 'done':
            return
        if state.get(n) == 'active':
            raise ValueError('cycle: ' + ' -> '.join(stack + [n]))
        state[n] = 'active'
        for d in deps[n]:
            visit(d, stack + [n])
        state[n] = 'done'
        order.append(n)
    for n in sorted(deps):
        visit(n, [])
    return order
first = topo(deps)
deps['core'] = ['tests']
try:
    topo(deps)
except ValueError as e:
    second = str(e)
[first, second]
# ---
# render a fixed-width report table with print
rows = [('widget', 4, 3.5), ('gadget', 10, 12.25), ('gizmo', 1, 99.999)]
header = f"{'item':<8}{'qty':>5}{'price':>10}{'total':>10}"
print(header)
print('-' * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f'{name:<8}{qty:>5}{price:>10.2f}{total:>10.2f}')
print('-' * len(header))
print(f"{'TOTAL':<23}{grand:>10.2f}")
round(grand, 2)
# ---
# validate records and collect messages per field
schema = {'email': str, 'age': int, 'tags': list}
records = [
    {'email': 'a@x.io', 'age': 30, 'tags': ['x']},
    {'email': 'bad', 'age': '30', 'tags': []},
    {'age': -1, 'tags': 'nope', 'extra': 1},
]
def validate(rec):
    problems = []
    for field, kind in schema.items():
        if field not in rec:
            problems.append(f'{field}: missing')
        elif not isinstance(rec[field], kind):
            problems.append(f'{field}: expected {kind.__name__}, got {type(rec[field]).__name__}')
    if isinstance(rec.get('email'), str) and '@' not in rec['email']:
        problems.append('email: no @')
    if isinstance(rec.get('age'), int) and rec['age'] < 0:
        problems.append('age: negative')
    unknown = sorted(set(rec) - set(schema))
    if unknown:
        problems.append(f'unknown fields: {unknown}')
    return problems
{i: validate(r) for i, r in enumerate(records)}
# ---
# run-length encoding and decoding round trip
def rle_encode(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f'{j - i}{s[i]}' if j - i > 1 else s[i])
        i = j
    return ''.join(out)
def rle_decode(s):
    out, num = [], ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or 1))
            num = ''
    return ''.join(out)
samples = ['aaabccddddde', 'abc', '', 'zzzzzzzzzzzz']
[(rle_encode(s), rle_decode(rle_encode(s)) == s) for s in samples]
# ---
# paginate results and merge pages until a cursor runs out
data = [{'id': i, 'score': (i * 37) % 11} for i in range(1, 24)]
def fetch_page(cursor=0, size=5):
    page = data[cursor:cursor + size]
    nxt = cursor + size if cursor + size < len(data) else None
    return {'items': page, 'next': nxt}
collected = []
cursor = 0
pages = 0
while cursor is not None:
    resp = fetch_page(cursor)
    pages += 1
    collected.extend(item for item in resp['items'] if item['score'] > 5)
    cursor = resp['next']
[pages, len(collected), [c['id'] for c in collected][:6], max(collected, key=lambda c: (c['score'], -c['id']))]
# ---
# deep merge two config dicts and diff the result
def deep_merge(base, override):
    out = dict(base)
    for k, v in override.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
def diff(a, b, prefix=''):
    changes = []
    for k in sorted(set(a) | set(b)):
        path = prefix + k
        if k not in b:
            changes.append(('removed', path))
        elif k not in a:
            changes.append(('added', path))
        elif isinstance(a[k], dict) and isinstance(b[k], dict):
            changes.extend(diff(a[k], b[k], path + '.'))
        elif a[k] != b[k]:
            changes.append(('changed', path, a[k], b[k]))
    return changes
base = {'db': {'host': 'localhost', 'port': 5432, 'opts': {'ssl': False}}, 'debug': True, 'name': 'svc'}
override = {'db': {'port': 6543, 'opts': {'ssl': True, 'timeout': 5}}, 'debug': False}
merged = deep_merge(base, override)
[merged, diff(base, merged), base['db']['port']]
# ---
# moving averages and anomaly flags over a series
series = [10, 12, 11, 13, 40, 12, 11, 10, 9, 35, 11]
window = 3
flags = []
for i in range(window, len(series)):
    avg = sum(series[i - window:i]) / window
    if series[i] > 2 * avg:
        flags.append({'index': i, 'value': series[i], 'avg': round(avg, 2)})
smoothed = [round(sum(series[max(0, i - 2):i + 1]) / len(series[max(0, i - 2):i + 1]), 1) for i in range(len(series))]
[flags, smoothed]
# ---
# an agent script that trusts a missing key raises KeyError
users = [{'name': 'ann', 'email': 'ann@example.com'}, {'name': 'bob'}]
emails = []
for user in users:
    print('processing', user['name'])
    emails.append(user['email'].lower())
emails
# ---
# an agent script that mixes types in a total raises TypeError
prices = {'apple': 1.25, 'pear': '0.75', 'fig': 2}
total = 0
for item, price in prices.items():
    total += price
total
# ---
# inventory updates with validation and a final summary
stock = {'apple': 5, 'pear': 0, 'fig': 12}
ops = [('sell', 'apple', 3), ('sell', 'pear', 1), ('restock', 'pear', 10), ('sell', 'kiwi', 1), ('sell', 'fig', 12), ('sell', 'apple', 5)]
log = []
for action, item, n in ops:
    try:
        have = stock[item]
        if action == 'sell':
            if have < n:
                raise ValueError(f'only {have} {item} left')
            stock[item] = have - n
        else:
            stock[item] = have + n
        log.append(f'{action} {n} {item}: ok')
    except KeyError as e:
        log.append(f'{action} {n} {item}: unknown item {e}')
    except ValueError as e:
        log.append(f'{action} {n} {item}: {e}')
out_of_stock = [k for k, v in stock.items() if v == 0]
{'stock': stock, 'log': log, 'out_of_stock': out_of_stock}
# ---
# string templating with placeholders and a missing-key fallback
template = 'Hello {name}, your order #{order} ships on {date}. {unknown}'
values = {'name': 'Dana', 'order': 1042, 'date': '2024-05-01'}
def render(tpl, vals):
    out = []
    i = 0
    while i < len(tpl):
        if tpl[i] == '{':
            j = tpl.index('}', i)
            key = tpl[i + 1:j]
            out.append(str(vals[key]) if key in vals else '<' + key + '?>')
            i = j + 1
        else:
            out.append(tpl[i])
            i += 1
    return ''.join(out)
[render(template, values), render('{a}{a}{b}', {'a': 'x'}), render('plain', {})]
