# kind: escape
# expect: blocked
# desc: sys.stderr/sys.stdout write only where print goes; nothing behind them is reachable
import sys
print('x', file=sys.stderr)
sys.stdout.write('y')
reached = []
for stream in (sys.stdout, sys.stderr):
    for name in ('buffer', 'fileno', '_vm', '_name', 'raw', 'detach', 'reconfigure',
                 '__class__.__init__', 'write.__self__', 'write.__func__', '__reduce_ex__'):
        try:
            obj = stream
            for part in name.split('.'):
                obj = getattr(obj, part)
            reached.append(name)
        except AttributeError:
            pass
if reached:
    result = 'ESC' + 'APED:' + ','.join(reached)
else:
    result = sys.stderr.buffer
result
