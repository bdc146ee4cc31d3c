# kind: dos
# expect: blocked
# desc: an uncaught SystemExit raised at the top level
raise SystemExit(0)
