# kind: escape
# expect: blocked
# desc: object.__setattr__ renaming a process-wide opaque type stand-in
T = type(len)
out = []
for attempt in (lambda: object.__setattr__(T, '__name__', 'pwned'),
                lambda: object.__setattr__(T, '_full', 'pwned'), lambda: setattr(T, '__name__', 'x'),
                lambda: type.__setattr__(T, '__name__', 'x')):
    try:
        attempt()
    except Exception as e:
        out.append(type(e).__name__)
('ESC' + 'APED') if 'pwned' in repr(T) or T.__name__ != 'builtin_function_or_method' else out
