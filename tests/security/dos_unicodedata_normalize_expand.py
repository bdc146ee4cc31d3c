# kind: dos
# expect: blocked
# desc: unicodedata.normalize('NFKD', '\ufdfa' * 10**7) : 18x expansion in one C call
import unicodedata
r = unicodedata.normalize('NFKD', '\ufdfa' * 10 ** 7)
