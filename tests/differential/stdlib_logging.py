# logging: basicConfig, logger hierarchy, levels, exception, styles, filters, adapters
import logging, io
s = io.StringIO()
logging.basicConfig(stream=s, level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s', force=True)
log = logging.getLogger('app.db')
log.debug('connecting to %s:%d', 'host', 5432)
log.info('ok')
logging.warning('root warn %s', 1)
child = log.getChild('pool')
child.setLevel(logging.ERROR)
child.warning('hidden')
child.error('shown %r', {'k': 1})
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
out = [s.getvalue().replace('File "<snippet>"', 'File "<string>"'), log.getEffectiveLevel(), child.getEffectiveLevel(), log.parent.name, child.parent is log,
       logging.getLevelName(10), logging.getLevelName('ERROR'), logging.getLevelName(15), log.isEnabledFor(5)]
s2 = io.StringIO()
h = logging.StreamHandler(s2)
h.setFormatter(logging.Formatter('{levelname} [{name}] {message}', style='{'))
lg2 = logging.getLogger('other')
lg2.addHandler(h)
lg2.propagate = False
lg2.setLevel('INFO')
lg2.info('brace %s', 'style')
lg2.warning('with extra', extra={'user': 'u'})
h.setFormatter(logging.Formatter('$levelname $message', style='$'))
lg2.critical('dollar')
f = logging.Formatter('%(message)s|%(user)s')
rec = logging.makeLogRecord({'msg': 'hi %s', 'args': ('there',), 'user': 'bob', 'levelno': 20})
out += [s2.getvalue(), f.format(rec), rec.getMessage(), lg2.hasHandlers(), logging.getLogger('other') is lg2, logging.root.name]
adapter = logging.LoggerAdapter(lg2, {'ctx': 1})
adapter.error('adapted')
out.append(s2.getvalue().splitlines()[-1])
class OnlyErrors(logging.Filter):
    def filter(self, record):
        return record.levelno >= logging.ERROR
h.addFilter(OnlyErrors())
lg2.warning('filtered out')
lg2.error('kept')
out.append(s2.getvalue().splitlines()[-1])
try:
    logging.Formatter('%(message', validate=True)
except ValueError as e:
    out.append(str(e))
try:
    lg2.setLevel('NOPE')
except ValueError as e:
    out.append(str(e))
out
# ---
# logging: handler levels, propagation, formatter with asctime shape, records without handlers
import logging, io, re
s = io.StringIO()
h = logging.StreamHandler(s)
h.setLevel(logging.WARNING)
h.setFormatter(logging.Formatter('%(asctime)s %(levelname)-8s %(name)s: %(message)s'))
log = logging.getLogger('svc')
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.propagate = False
log.info('below the handler level')
log.warning('above')
log.error('with %s and %s', 'two', 'args')
lines = s.getvalue().splitlines()
shapes = [bool(re.match(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ', line)) for line in lines]
log.removeHandler(h)
[len(lines), shapes, [line[24:] for line in lines], log.handlers, logging.getLogger('svc').level]
# ---
# logging: level names and numbers, disable, the module-level functions
import logging, io
s = io.StringIO()
logging.basicConfig(stream=s, format='%(levelname)s|%(message)s', level=logging.INFO, force=True)
logging.addLevelName(25, 'NOTICE')
logging.log(25, 'custom level')
logging.info('info')
logging.debug('not shown')
logging.disable(logging.INFO)
logging.info('disabled')
logging.warning('still shown')
logging.disable(logging.NOTSET)
[s.getvalue(), logging.getLevelName(25), logging.getLevelName('NOTICE'), logging.WARN, logging.FATAL,
 sorted(logging.getLevelNamesMapping().items())[:3], logging.getLogger().name, logging.getLogger('') is logging.root]
# ---
# logging: a custom Handler subclass and Formatter subclass
import logging
class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []
    def emit(self, record):
        self.records.append(self.format(record))
class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()
h = ListHandler()
h.setFormatter(Upper('%(name)s:%(message)s'))
log = logging.getLogger('custom')
log.addHandler(h)
log.setLevel(logging.INFO)
log.propagate = False
log.info('hello %s', 'there')
log.info({'a': 1})
log.info('dict args %(x)s', {'x': 5})
[h.records, h.level, log.getEffectiveLevel()]
