# kind: dos
# expect: blocked
# desc: ndiff of long, nearly equal line lists
import difflib
list(difflib.ndiff(['line %d\n' % i for i in range(30000)], ['line %d!\n' % i for i in range(30000)]))
