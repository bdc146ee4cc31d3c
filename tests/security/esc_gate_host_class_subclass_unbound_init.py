# kind: escape
# expect: blocked
# desc: through a sandbox subclass, a host module's class hands out its methods unbound: TextWrapper.__init__ called with the shared textwrap.fill function as self set attributes on that process-wide function (read back through NormalDist/TextWrapper methods with the same foreign self)
import textwrap, statistics
class W(textwrap.TextWrapper):
    pass
class N(statistics.NormalDist):
    pass
out = []
for call in (lambda: W.__init__(textwrap.fill, 77), lambda: N.__init__(textwrap.fill, 1, 2),
             lambda: super(W, W).__init__(textwrap.dedent, 77)):
    try:
        call()
        out.append('written')
    except TypeError as e:
        out.append('refused')
('ESC' + 'APED: ' + repr(out)) if 'written' in out else repr(out)
