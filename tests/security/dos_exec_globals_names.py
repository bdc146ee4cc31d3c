# kind: dos
# expect: blocked
# desc: binding millions of new global names through globals() and exec: refused past the global table's room, never unbounded host growth
i = 0
while True:
    i += 1
    try:
        globals()[f"name_{i}"] = i
    except Exception:
        exec(f"other_{i} = 1")
