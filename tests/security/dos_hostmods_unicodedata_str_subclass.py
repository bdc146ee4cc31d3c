# kind: dos
# expect: blocked
# desc: unicodedata.normalize on a str subclass: the size check only looked at exact str, NFKD expands each U+FDFA into 18 characters (a 14 MB text to 1 GB)
import unicodedata
class S(str):
    pass
unicodedata.normalize('NFKD', S('\ufdfa' * 14_000_000))
