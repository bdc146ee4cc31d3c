# urlparse and its result attributes
from urllib.parse import urlparse
u = urlparse('https://user:pw@Example.com:8080/a/b;p?q=1&r=2#frag')
[tuple(u), u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params,
 u.query, u.fragment, u.geturl(), repr(u), u._replace(scheme='http').geturl(), u[1], len(u)]
# ---
# urlsplit with an IPv6 host, urlunparse, urlunsplit, defaults
from urllib.parse import urlsplit, urlunparse, urlunsplit, urlparse
s = urlsplit('http://[::1]:80/x?y#z')
[tuple(s), s.hostname, s.port, repr(s), s._replace(path='/new').geturl(),
 urlunparse(('http', 'h', '/p', '', 'a=1', '')), urlunsplit(('s', 'n', '/p', 'q', 'f')),
 urlparse('//h/p', scheme='ftp').scheme, urlparse('mailto:x@y').path, tuple(urlparse('x/y')),
 urlparse('http://h/p#f', allow_fragments=False).path, tuple(urlparse(b'http://h/p')),
 urlparse('HTTP://H/').scheme, urlsplit('http://h').port]
# ---
# urljoin against RFC 3986's examples
from urllib.parse import urljoin
[urljoin('http://a/b/c/d;p?q', g) for g in ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s',
 '../g', '../../../g', 'http://x/y', '', '.', '..', 'g;x=1/../y']] + [urljoin('https://api.x.com/v1/', 'users/3')]
# ---
# urlencode
from urllib.parse import urlencode, quote
[urlencode({'a': 1, 'b': 'x y', 'c': 'é&'}), urlencode([('k', ['1', '2'])], doseq=True),
 urlencode([('k', ['1', '2'])]), urlencode({'q': 'a/b'}, quote_via=quote), urlencode({}),
 urlencode({'s': 'a/b'}, safe='/'), urlencode({b'k': b'v w'}), urlencode({'t': (1, 2)}, doseq=True)]
# ---
# quote, quote_plus, unquote, unquote_plus
from urllib.parse import quote, quote_plus, unquote, unquote_plus, unquote_to_bytes, quote_from_bytes
[quote('a b/c?d=é'), quote('a b/c', safe=''), quote_plus('a b&c=d/e'), quote(b'\xff x'),
 unquote('a%20b%2Fc%C3%A9%zz'), unquote_plus('a+b%2B'), unquote(b'%41'), unquote_to_bytes('%41%42c'),
 quote('é', encoding='latin-1'), unquote('%E9', encoding='latin-1'), unquote('%FF'), quote(''),
 quote_from_bytes(b'a/b c'), quote('~-._'), quote_plus('a+b', safe='+')]
# ---
# parse_qs and parse_qsl
from urllib.parse import parse_qs, parse_qsl
r = [parse_qs('a=1&a=2&b=&c=x%20y'), parse_qs('a=1&b=', keep_blank_values=True),
     parse_qsl('x=1;y=2', separator=';'), parse_qsl('a=1&b=2&a=3'), parse_qs('q=a+b'), parse_qs(''),
     parse_qsl('a=1&b', keep_blank_values=True)]
try:
    parse_qs('a=1&b', strict_parsing=True)
except ValueError as e:
    r.append(str(e))
try:
    parse_qs('a=1&b=2&c=3', max_num_fields=2)
except ValueError as e:
    r.append(str(e))
r
# ---
# urldefrag and errors of malformed URLs
from urllib.parse import urldefrag, urlsplit
out = [tuple(urldefrag('http://x/y#z')), urldefrag('http://x/y').fragment]
for bad in ['http://[::1/x', 'http://a:99999/', 'http://[1.2.3.4]/', 'http://a:x/', 'http://[zz]/']:
    try:
        out.append(urlsplit(bad).port)
    except ValueError as e:
        out.append(str(e))
try:
    urlsplit('http://x', 5)
except TypeError as e:
    out.append(str(e))
out
# ---
# import spellings of urllib.parse
import urllib.parse
import urllib.parse as up
from urllib import parse
[urllib.parse.quote('a b'), up.unquote('%20'), parse.urlparse('http://h').netloc]
