# kind: dos
# expect: blocked
# desc: exec of many distinct large sources near the token bound, each holding a big constant: compile time checked against the deadline, nothing cached past the memory limit
big = "z" * 5_000_000
i = 0
while True:
    i += 1
    src = "k = 1\n" * 3500 + f"v = '{big}{i}'\n"
    try:
        exec(src, {})
    except Exception:
        pass
