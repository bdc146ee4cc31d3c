# kind: escape
# expect: blocked
# desc: vars()/dir() of every allowed module looking for host modules (_sys, _os, sys, os) under private names
import collections, json, re, copy, random, string, functools, itertools, operator, math, typing, dataclasses, enum, datetime, textwrap, statistics, fractions, hashlib, base64, uuid, heapq, bisect, contextlib
found = []
for m in (collections, json, re, copy, random, string, functools, itertools, operator, math, typing, dataclasses, enum, datetime, textwrap, statistics, fractions, hashlib, base64, uuid, heapq, bisect, contextlib):
    try:
        names = list(vars(m)) + dir(m)
    except Exception:
        names = dir(m)
    for n in names + ['_sys', '_os', 'sys', 'os', '_thread', '_weakref', '_collections_abc', 'types', 'builtins', '_imp', 'importlib']:
        try:
            v = getattr(m, n)
        except Exception:
            continue
        r = repr(v)
        if "module 'os'" in r or "module 'sys'" in r or "module 'builtins'" in r or "module 'posix'" in r or 'from \'/' in r:
            found.append(n + ':' + r[:60])
('ESC' + 'APED' + ':' + repr(found[:5])) if found else 'clean'
