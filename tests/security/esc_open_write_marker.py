# kind: escape
# expect: blocked
# desc: open() a marker file for writing in the working directory
fh = open('pwned_marker', 'w')
fh.write('x')
'ESC' + 'APED:' + 'written'
