# kind: dos
# expect: blocked
# desc: html.unescape of a huge text of entities
import html
html.unescape('&amp;&lt;&#x41;' * 10**6)
