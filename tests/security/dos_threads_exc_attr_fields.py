# kind: dos
# expect: blocked
# desc: exception fields set after construction (OSError.filename, strerror, errno; SyntaxError.msg; UnicodeError.reason; ImportError.msg) to a list DAG, then str/repr and escape
x = [1]
for _ in range(60):
    x = [x, x]
out = []
for make, field in ((lambda: OSError(1, 'm'), 'filename'), (lambda: OSError(1, 'm'), 'strerror'),
                    (lambda: OSError(1, 'm'), 'errno'), (lambda: SyntaxError('m'), 'msg'),
                    (lambda: UnicodeDecodeError('utf-8', b'a', 0, 1, 'r'), 'reason'),
                    (lambda: ImportError('m'), 'msg')):
    e = make()
    try:
        setattr(e, field, x)
    except Exception as err:
        out.append(type(err).__name__)
        continue
    for f in (str, repr):
        try:
            out.append(len(f(e)))
        except Exception as err:
            out.append(type(err).__name__)
raise ValueError(out, e)
