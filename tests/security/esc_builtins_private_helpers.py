# kind: escape
# expect: blocked
# desc: reach the VM's private helpers ('.gen_method', '.eg_raised', '.host_wait' ...) through the builtins module and call them with arguments the compiler never emits
import builtins
found = []
for name in dir(builtins) + ['.gen_method', '.eg_raised', '.eg_match', '.host_wait', '.agen_unwrap', '.anext']:
    if not name.startswith('.'):
        continue
    try:
        f = getattr(builtins, name)
    except AttributeError:
        f = vars(builtins).get(name)
    if f is None:
        continue
    found.append(name)
    for args in [(), (1,), ([], 1), (None, None, None)]:
        try:
            f(*args)
        except Exception:
            pass
('ESC' + 'APED ' + repr(found)) if found else 'blocked'
