# kind: escape
# expect: blocked
# desc: uuid.getnode()/uuid1(): the host's MAC address (and on some systems a subprocess)
import uuid
out = []
try:
    n = uuid.getnode()
    if not (n >> 40) & 1:
        out.append('mac %012x' % n)
except Exception:
    pass
try:
    u = uuid.uuid1()
    if not (u.node >> 40) & 1:
        out.append('uuid1 node %012x' % u.node)
except Exception:
    pass
for n in ('_get_command_stdout', '_ifconfig_getnode', '_unix_getnode', '_generate_time_safe', 'os', 'sys'):
    try:
        out.append(repr(getattr(uuid, n))[:60])
    except Exception:
        pass
('ESC' + 'APED' + ':' + repr(out)) if out else 'clean'
