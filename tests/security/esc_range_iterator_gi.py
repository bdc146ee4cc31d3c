# kind: escape
# expect: blocked
# desc: zip/map/enumerate objects' __reduce__ and internals
z = zip([1], [2])
'ESC' + 'APED:' + str(z.__reduce__())
