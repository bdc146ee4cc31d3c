# kind: dos
# expect: blocked
# desc: exec of a ten-million-line program: refused by the source bounds as a top-level run is
exec('x=1\n' * 10 ** 7)
