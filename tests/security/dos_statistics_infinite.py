# kind: dos
# expect: blocked
# desc: statistics.fmean / mean over an infinite iterator
import statistics, itertools
try:
    statistics.fmean(itertools.repeat(1.0))
except Exception:
    pass
statistics.mean(itertools.count())
