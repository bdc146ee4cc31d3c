# kind: dos
# expect: blocked
# desc: urllib.parse.urljoin of a path of a million '../'
from urllib.parse import urljoin
while True:
    urljoin('http://a/' + 'b/' * 10**5, '../' * 10**6)
