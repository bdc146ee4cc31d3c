# kind: dos
# expect: blocked
# desc: exec that execs itself, caught and retried forever: each nesting is a frame (recursion limit), the loop ends at the time limit
s = "exec(s)"
n = 0
while True:
    try:
        exec(s)
    except RecursionError:
        n += 1
