# kind: dos
# expect: blocked
# desc: fnmatch.filter over an endless iterator
import fnmatch, itertools
fnmatch.filter(itertools.repeat('a.py'), '*.py')
