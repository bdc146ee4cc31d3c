# kind: dos
# expect: blocked
# desc: html.escape of text made of ampersands
import html
s = '&' * 10**7
while True:
    s = html.escape(s)
