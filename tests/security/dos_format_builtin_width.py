# kind: dos
# expect: blocked
# desc: format(1, '>999999999') and format('x', '^2000000000')
a = format(1, '>999999999')
b = format('x', '^2000000000')
