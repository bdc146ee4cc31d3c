# kind: escape
# expect: blocked
# desc: object.__setattr__ / setattr / class attribute writes on classes a sandbox module exports
import collections, re, enum
out = []
for target in (collections.Counter, collections.deque, re.Pattern, enum.Enum, collections.OrderedDict):
    for attempt in (lambda: object.__setattr__(target, 'most_common', 1),
                    lambda: setattr(target, 'x', 1), lambda: type(target).__setattr__(target, 'x', 1),
                    lambda: object.__delattr__(target, '__init__')):
        try:
            attempt()
            out.append('ESC' + 'APED')
        except Exception as e:
            out.append(type(e).__name__)
out
