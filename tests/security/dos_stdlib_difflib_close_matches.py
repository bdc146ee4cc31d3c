# kind: dos
# expect: blocked
# desc: get_close_matches over many long candidates
import difflib
difflib.get_close_matches('abc' * 300, ['abd' * 300] * 100000)
