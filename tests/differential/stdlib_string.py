# string constants and capwords
import string
[string.ascii_letters, string.digits, string.hexdigits, string.octdigits, string.punctuation,
 string.whitespace, string.printable, string.ascii_lowercase, string.ascii_uppercase,
 string.capwords('hello   big world'), string.capwords('a-b-c', '-')]
# ---
# string.Template substitute and safe_substitute
import string
t = string.Template('$who likes ${what}; $$ is a dollar')
r = [t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}),
     t.safe_substitute(who='bob'), t.template, t.get_identifiers(), t.is_valid()]
for f in (lambda: t.substitute(who='x'), lambda: string.Template('$1').substitute(),
          lambda: string.Template('a $').substitute()):
    try:
        f()
    except (KeyError, ValueError) as e:
        r.append((type(e).__name__, str(e)))
r
# ---
# string.Template subclasses: delimiter and idpattern
import string
class Pct(string.Template):
    delimiter = '%'
class Up(string.Template):
    idpattern = '[A-Z]+'
    flags = 0
[Pct('%x and %{y}').substitute(x=1, y=2), Up('$AB $cd').safe_substitute(AB='ok', cd='no'),
 Pct('%x').pattern.pattern == string.Template('').pattern.pattern.replace('\\$', '%')]
# ---
# string.Formatter
import string
f = string.Formatter()
class P:
    x = 3
r = [f.format('{0}-{1!r}-{name:>5}', 1, 'a', name='z'), f.format('{a[k]} {p.x}', a={'k': 9}, p=P()),
     list(f.parse('x{0!r:>{w}}y')), f.vformat('{} {}', (1, 2), {}), f.format('{:{w}.{p}f}', 3.14159, w=8, p=2)]
class Default(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, '?') if isinstance(key, str) else super().get_value(key, args, kwargs)
r.append(Default().format('{a} {b} {0}', 'p', a=1))
for g in (lambda: f.format('{0} {}', 1, 2), lambda: f.format('{x!q}', x=1), lambda: f.format('{'),
          lambda: f.format('{0}')):
    try:
        g()
    except (ValueError, IndexError, KeyError) as e:
        r.append((type(e).__name__, str(e)))
r
