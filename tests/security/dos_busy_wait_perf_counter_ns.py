# kind: dos
# expect: blocked
# desc: busy wait on perf_counter_ns inside a function with a nested counter
import time
def spin():
    end = time.perf_counter_ns() + 10 ** 13
    k = 0
    while time.perf_counter_ns() < end:
        k += 1
    return k
spin()
