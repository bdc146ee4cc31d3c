# traceback.format_exc and format_exception of a sandbox exception
import traceback
def inner():
    return 1 / 0
def outer():
    return inner()
try:
    outer()
except ZeroDivisionError as e:
    text = traceback.format_exc()
    parts = traceback.format_exception(e)
lines = text.replace('<snippet>', '<string>').splitlines()
[lines[0], lines[-1], [line.split(', in ')[-1] for line in lines if line.startswith('  File')],
 parts[0], parts[-1], len(parts), ''.join(parts) == text]
# ---
# traceback.format_exception_only and the names of exception types
import traceback, json
class AppError(Exception):
    pass
out = []
for exc in (ValueError('bad value'), KeyError('k'), AppError('custom'), RuntimeError(), StopIteration(3)):
    out.append(traceback.format_exception_only(exc))
try:
    json.loads('{')
except json.JSONDecodeError as e:
    out.append(traceback.format_exception_only(e))
out.append(traceback.format_exception_only(type(ValueError()), ValueError('old style')))
out
# ---
# chained exceptions: cause, context, suppressed context
import traceback
def render(e):
    return [line for line in traceback.format_exception(e) if not line.startswith('  File')]
out = []
try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    out.append(render(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('during')
except TypeError as e:
    out.append(render(e))
    out.append(render(e)[-1])
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError('quiet') from None
except TypeError as e:
    out.append(render(e))
    out.append(traceback.format_exception(e, chain=False)[-1])
out
# ---
# traceback with no exception being handled, limit, TracebackException, print_exc into a stream
import traceback, io
out = [traceback.format_exc()]
def f(n):
    if n == 0:
        raise ValueError('deep')
    f(n - 1)
try:
    f(3)
except ValueError as e:
    out.append(len(traceback.format_exception(e)))
    out.append(len(traceback.format_exception(e, limit=2)))
    te = traceback.TracebackException.from_exception(e)
    out.append(list(te.format_exception_only()))
    out.append(str(te))
    s = io.StringIO()
    traceback.print_exc(file=s)
    out.append(s.getvalue().splitlines()[-1])
    out.append(traceback.format_tb(None))
out
# ---
# the logging of an exception through traceback
import logging, io
s = io.StringIO()
log = logging.getLogger('tb')
log.addHandler(logging.StreamHandler(s))
log.propagate = False
try:
    int('x')
except ValueError:
    log.exception('parse failed')
lines = s.getvalue().splitlines()
[lines[0], lines[1], lines[-1]]
