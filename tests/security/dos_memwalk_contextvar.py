# kind: dos
# expect: blocked
# desc: data grown in a list held as a contextvars.ContextVar value
import contextvars
v = contextvars.ContextVar("v")
v.set([])
while True:
    v.get().append([1] * 10000)
