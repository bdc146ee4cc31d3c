# kind: escape
# expect: blocked
# desc: object.__new__ / T.__new__ of host classes (an uninitialised host object)
import re, collections
out = []
for cls in (re.Pattern, collections.Counter, type(len), type(iter([]))):
    try:
        x = object.__new__(cls)
        out.append('ESC' + 'APED')
    except Exception as e:
        out.append(type(e).__name__)
try:
    dict.__new__(collections.Counter)
    out.append('ESC' + 'APED')
except Exception as e:
    out.append(type(e).__name__)
out
