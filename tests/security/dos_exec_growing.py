# kind: dos
# expect: blocked
# desc: exec and eval of ever longer distinct programs, errors swallowed: compile work ends at the time limit, compiled code kept by nothing the memory limit misses
i = 0
s = "x = 1\n"
while True:
    i += 1
    try:
        exec(s + f"y{i} = {i}\n")
        eval("[" + "1," * (i * 50) + "]")
    except Exception:
        pass
    s += "x = x + 1\n" * 50
