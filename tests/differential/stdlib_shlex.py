# shlex.split
import shlex
[shlex.split('ls -l "my file.txt" \'single q\' a\\ b'), shlex.split('a # comment', comments=True),
 shlex.split('a # comment'), shlex.split('x="1 2" y'), shlex.split(''), shlex.split('a\tb\nc'),
 shlex.split('"a\\"b"'), shlex.split("'a\\b'"), shlex.split('a b', posix=False),
 shlex.split('"quoted arg" x', posix=False)]
# ---
# shlex.split errors
import shlex
r = []
for s in ['"unterminated', "it's", 'a\\']:
    try:
        shlex.split(s)
    except ValueError as e:
        r.append(str(e))
r
# ---
# shlex.quote and join
import shlex
[shlex.quote(''), shlex.quote('safe-name_1.txt'), shlex.quote('has space'), shlex.quote("it's"),
 shlex.quote('$HOME'), shlex.join(['echo', 'a b', "c'd", '']), shlex.split(shlex.join(['x y', 'z']))]
# ---
# shlex.shlex tokens
import shlex
lex = shlex.shlex('a=1; b="two words" && c', posix=True, punctuation_chars=True)
t1 = list(lex)
lex2 = shlex.shlex('foo(bar, 42)')
t2 = [tok for tok in lex2]
lex3 = shlex.shlex('x y z', posix=True)
lex3.whitespace_split = True
[t1, t2, lex3.get_token(), lex3.get_token(), lex3.lineno, list(lex3)]
