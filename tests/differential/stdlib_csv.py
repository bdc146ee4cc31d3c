# csv.writer quoting rules (QUOTE_MINIMAL)
import csv, io
s = io.StringIO()
w = csv.writer(s)
r = [w.writerow(['a', 'b c', 'd,e', 'f"g', 'h\ni', 'j\rk', None, 1.5, 1, True, '']),
     w.writerow(['']), w.writerow([]), w.writerow([' x']), w.writerow('ab')]
r + [s.getvalue()]
# ---
# csv.writer quoting modes and dialect options
import csv, io
out = []
def w(rows, **kw):
    s = io.StringIO()
    wr = csv.writer(s, **kw)
    res = []
    try:
        for r in rows:
            res.append(wr.writerow(r))
    except csv.Error as e:
        res.append(('Error', str(e)))
    out.append((res, s.getvalue()))
w([['a', 1, 1.0, None, '']], quoting=csv.QUOTE_NONNUMERIC)
w([['a', 1, None, '']], quoting=csv.QUOTE_ALL)
w([['a,b']], quoting=csv.QUOTE_NONE)
w([['a,b', 'c"d']], quoting=csv.QUOTE_NONE, escapechar='\\')
w([['c"d', 'e\\f']], doublequote=False, escapechar='\\')
w([['c"d']], doublequote=False)
w([['']], quoting=csv.QUOTE_NONE)
w([['a\tb', 'x']], dialect='excel-tab')
w([['a', 'b']], lineterminator='\n')
w([[1, 2]], delimiter=';')
w([5])
w([['a\rb', 'c\nd', 'e f']], lineterminator='\n')
w([[True, 1.5, 'x', None, 2]], quoting=csv.QUOTE_NONNUMERIC)
w([['x', ''], [None]])
w([['#a', 'b#']], escapechar='#')
w([['a', 'b"c']], quotechar="'", quoting=csv.QUOTE_ALL)
out
# ---
# csv dialect parameter errors
import csv, io
out = []
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(quotechar=''),
           dict(quoting=7), dict(lineterminator=5), dict(escapechar='ab'), dict(dialect='nope'),
           dict(foo=1)]:
    try:
        csv.writer(io.StringIO(), **kw)
        out.append('ok')
    except (TypeError, csv.Error) as e:
        out.append((type(e).__name__, str(e)))
out
# ---
# csv.reader over a list of lines: quoting, multi-line fields, empty lines
import csv
list(csv.reader(['a,b\r\n', '"c,d",e\n', '"multi\n', 'line",x\n', '', '\n', 'q"u"o,"a""b"\n', 'last']))
# ---
# csv.reader options
import csv
out = []
def r(lines, **kw):
    try:
        out.append(list(csv.reader(lines, **kw)))
    except (csv.Error, ValueError) as e:
        out.append((type(e).__name__, str(e)))
r(['a, b,  c'], skipinitialspace=True)
r(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)
r(['1,"2",3.5,'], quoting=csv.QUOTE_NONNUMERIC)
r(['a\\,b,c'], escapechar='\\')
r(['"abc'])
r(['"abc'], strict=True)
r(['"a"b,c'], strict=True)
r(['"a"b,c'])
r(['a,b\rc,d'])
r([1])
r(['a;b'], delimiter=';')
r(['a\tb'], dialect='excel-tab')
r(["'a,b',c"], quotechar="'")
r(['a,' + 'b' * 200000])
out
# ---
# csv.reader over io.StringIO, line_num, dialect attribute
import csv, io
rd = csv.reader(io.StringIO('x,y\n1,"2\n3"\n4,5\n'))
rows = [next(rd)]
n1 = rd.line_num
rows += list(rd)
[rows, n1, rd.line_num, rd.dialect.delimiter, rd.dialect.quoting]
# ---
# csv round trip through a StringIO
import csv, io
buf = io.StringIO()
w = csv.writer(buf)
data = [['name', 'note'], ['ann', 'says "hi", loudly'], ['bob', 'two\nlines'], ['', None]]
w.writerows(data)
buf.seek(0)
list(csv.reader(buf))
# ---
# csv.DictReader
import csv
r = csv.DictReader(['a,b', '1,2', '', '3', '4,5,6'])
rows = list(r)
r2 = csv.DictReader(['1,2'], fieldnames=['x', 'y', 'z'], restval='-')
r3 = csv.DictReader(['k;v', 'p;q'], delimiter=';', restkey='extra')
[rows, r.fieldnames, r.line_num, list(r2), list(r3), list(csv.DictReader([]))]
# ---
# csv.DictWriter
import csv, io
s = io.StringIO()
d = csv.DictWriter(s, fieldnames=['a', 'b'])
d.writeheader()
d.writerow({'a': 1})
d.writerows([{'b': 2, 'a': 3}])
out = [s.getvalue()]
try:
    d.writerow({'c': 1})
except ValueError as e:
    out.append(str(e))
d2 = csv.DictWriter(io.StringIO(), fieldnames=['a'], extrasaction='ignore')
out.append(d2.writerow({'a': 1, 'c': 2}))
try:
    csv.DictWriter(io.StringIO(), fieldnames=['a'], extrasaction='x')
except ValueError as e:
    out.append(str(e))
s2 = io.StringIO()
d3 = csv.DictWriter(s2, fieldnames=['k', 'v'], restval='NA', lineterminator='\n')
d3.writeheader()
d3.writerow({'k': 'x'})
out + [s2.getvalue()]
# ---
# csv dialect registry, Dialect subclasses, get_dialect attributes
import csv
class D(csv.Dialect):
    delimiter = '|'
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('pipes', D)
csv.register_dialect('semi', delimiter=';')
out = [list(csv.reader(['a|b'], 'pipes')), list(csv.reader(['a|b'], D)), csv.list_dialects(),
       list(csv.reader(['a;b'], dialect='semi')), csv.get_dialect('semi').delimiter]
d = csv.get_dialect('excel')
out.append([d.delimiter, d.quotechar, d.doublequote, d.escapechar, d.lineterminator, d.quoting,
            d.skipinitialspace, d.strict])
csv.unregister_dialect('semi')
try:
    csv.get_dialect('semi')
except csv.Error as e:
    out.append(str(e))
try:
    class E(csv.Dialect):
        pass
    E()
except csv.Error as e:
    out.append(str(e))
out + [csv.field_size_limit(), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE,
       csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator]
# ---
# csv.Sniffer
import csv
sn = csv.Sniffer()
d = sn.sniff('a;b;c\n1;2;3\n4;5;6\n')
d2 = sn.sniff('"x","y"\n"1","2"\n')
[d.delimiter, d2.delimiter, d2.quotechar, sn.has_header('name,age\nbob,3\nal,4\n'),
 sn.has_header('1,2\n3,4\n')]
# ---
# csv field_size_limit
import csv
old = csv.field_size_limit(10)
out = [old, csv.field_size_limit()]
try:
    list(csv.reader(['a,' + 'b' * 20]))
except csv.Error as e:
    out.append(str(e))
try:
    list(csv.reader(['"' + 'b' * 20 + '"']))
except csv.Error as e:
    out.append(str(e))
csv.field_size_limit(old)
out
