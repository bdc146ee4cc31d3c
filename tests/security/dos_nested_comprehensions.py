# kind: dos
# expect: blocked
# margin: 0.5
# rss-slack-mib: 320
# desc: deeply nested comprehensions building a big structure
x = [[[[i * j * k for i in range(300)] for j in range(300)] for k in range(300)] for _ in range(300)]
