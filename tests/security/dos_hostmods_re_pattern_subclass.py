# kind: dos
# expect: blocked
# desc: re.compile of a str subclass whose __contains__ denies '{': the counted-repeat expansion check is skipped and the engine unrolls (?:(?:a{1000}){1000}){1000} into a billion nodes
import re
class S(str):
    def __contains__(self, item):
        return False
re.compile(S('(?:(?:a{1000}){1000}){1000}'))
