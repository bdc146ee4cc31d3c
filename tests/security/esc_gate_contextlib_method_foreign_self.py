# kind: escape
# expect: blocked
# desc: contextlib's classes are host classes the sandbox treats as its own: closing.__init__ read on the class is a plain host function, and called with a shared host class as self it wrote that process-wide class's attribute (read back with closing.__enter__)
import contextlib, struct, json
out = []
for target in (struct.Struct, json.JSONDecodeError, contextlib):
    try:
        contextlib.closing.__init__(target, 'planted')
        contextlib.nullcontext.__init__(target, 'planted')
        out.append(contextlib.closing.__enter__(target))
    except (TypeError, AttributeError) as e:
        out.append(type(e).__name__)
('ESC' + 'APED: ' + repr(out)) if 'planted' in out else repr(out)
