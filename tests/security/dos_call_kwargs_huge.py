# kind: dos
# expect: blocked
# desc: f(**d) with a ten-million-key dict
def f(**k):
    return len(k)
f(**{str(i): i for i in range(10 ** 7)})
