# kind: dos
# expect: blocked
# desc: infinite loop inside a function
def f():
    while True:
        pass
f()
