# kind: dos
# expect: blocked
# desc: gc.collect() in a loop over many live objects
import gc
keep = [[i] for i in range(10 ** 6)]
while True:
    gc.collect()
