# html.escape and unescape
import html
[html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape('<"\'>', quote=False),
 html.unescape('&lt;p&gt; &amp;amp; &quot;q&quot; &#39; &#x41; &#65; &eacute; &nbsp;x &notin; &bogus;'),
 html.unescape('no entities'), html.escape('')]
# ---
# html errors on wrong types
import html
r = []
for f in (lambda: html.escape(5), lambda: html.unescape(5)):
    try:
        f()
    except (TypeError, AttributeError) as e:
        r.append((type(e).__name__, str(e)))
r
