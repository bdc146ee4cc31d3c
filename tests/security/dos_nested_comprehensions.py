# kind: dos
# expect: blocked
# desc: deeply nested comprehensions building a big structure
x = [[[[i * j * k for i in range(300)] for j in range(300)] for k in range(300)] for _ in range(300)]
