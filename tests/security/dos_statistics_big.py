# kind: dos
# expect: blocked
# desc: statistics.variance over a million ints (exact Fraction arithmetic)
import statistics
while True:
    statistics.variance(range(10 ** 6))
