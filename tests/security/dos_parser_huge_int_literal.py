# kind: dos
# expect: blocked
# desc: a 5 MB integer literal (parsed past the int/str digit limit?)
# generate: 'x = ' + '7' * 5000000 + '\nx'
# (the runner builds this snippet's source from the generate expression above)

