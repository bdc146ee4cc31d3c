# kind: dos
# expect: blocked
# desc: SequenceMatcher over two long repetitive sequences
import difflib
a = ['x%d' % (i % 7) for i in range(50000)]
b = ['x%d' % (i % 5) for i in range(50000)]
difflib.SequenceMatcher(None, a, b).ratio()
