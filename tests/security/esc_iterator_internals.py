# kind: escape
# expect: blocked
# desc: list iterator __reduce__ / __setstate__ and its hidden state
it = iter([1, 2])
'ESC' + 'APED:' + str(it.__reduce__())
