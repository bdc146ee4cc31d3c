# kind: escape
# expect: blocked
# desc: an exception argument whose __str__ raises SystemExit when the host formats the chain after the run
class S:
    def __str__(self):
        raise SystemExit("ESC" + "APED")
try:
    raise ValueError(S())
except ValueError as e:
    raise TypeError("outer") from e
