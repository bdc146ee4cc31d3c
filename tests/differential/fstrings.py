# plain interpolation of names and expressions
name = 'Ada'
n = 3
f'{name} has {n} items, {n * 2} doubled, {name.upper()}!'
# ---
# literal braces are doubled
x = 5
f'{{x}} is {x}, {{{x}}}'
# ---
# conversions !s, !r and !a
s = 'café'
[f'{s!s}', f'{s!r}', f'{s!a}', f'{"q"!r:>6}', f'{[s]!s}', f'{1.5!r}']
# ---
# self-documenting = specifier
x = 10
items = [1, 2]
[f'{x=}', f'{x = }', f'{x*2=}', f'{items[0]=}', f'{x=:>5}', f'{x=!s}', f'{"s"=}']
# ---
# = specifier uses repr by default and str with a format spec
s = 'hi'
[f'{s=}', f'{s=:>4}', f'{s=!s}']
# ---
# width, alignment and fill
s = 'ab'
[f'{s:5}|', f'{s:<5}|', f'{s:>5}|', f'{s:^5}|', f'{s:*^6}|', f'{s:->4}|', f'{42:5}|', f'{42:<5}|', f'{42:^6}|']
# ---
# float precision and presentation types
x = 3.14159265
[f'{x:.2f}', f'{x:8.3f}', f'{x:e}', f'{x:.3e}', f'{x:g}', f'{1e-5:g}', f'{1e20:g}', f'{x:.0f}', f'{0.5:%}', f'{0.256:.1%}', f'{-0.0001:.2f}', f'{-0.0001:z.2f}']
# ---
# integer presentation types
n = 255
[f'{n:b}', f'{n:o}', f'{n:x}', f'{n:X}', f'{n:#b}', f'{n:#o}', f'{n:#x}', f'{n:c}', f'{n:d}', f'{-n:x}', f'{n:08b}']
# ---
# sign and thousands separators
[f'{1234567:,}', f'{1234567:_}', f'{1234567.891:,.2f}', f'{5:+}', f'{-5:+}', f'{5: }', f'{0xFFFFFFFF:_x}', f'{-3.5:+.1f}']
# ---
# zero padding and = alignment with sign
[f'{42:05}', f'{-42:05}', f'{-42:=6}', f'{3.5:07.2f}', f'{-3.5:07.2f}', f'{7:0>3}', f'{7:x<3}']
# ---
# nested format specs
x = 3.14159
w = 10
p = 3
[f'{x:{w}.{p}f}|', f'{x:>{w}}|', f'{"t":{"^"}{w}}|', f'{x:.{p - 1}f}', f'{42:{"0"}{w - 5}d}']
# ---
# format spec applied to computed values
rows = [('apple', 1.5), ('kiwi', 12.25)]
lines = []
for name, price in rows:
    lines.append(f'{name:<8}{price:>8.2f}')
'\n'.join(lines)
# ---
# nested f-strings and quotes of the other kind
items = ['a', 'b']
f"{', '.join(f'<{i}>' for i in items)} and {'x' if items else 'y'}"
# ---
# f-string with a conditional and a call inside
n = 0
f'{n} item{"s" if n != 1 else ""} / {len(str(12345))} digits / {abs(-3)}'
# ---
# dict and list subscripts inside an f-string
d = {'k': [10, 20]}
f"{d['k'][1]} {d['k']} {d}"
# ---
# bool, None and containers render with str()
[f'{True}', f'{None}', f'{(1, "a")}', f'{ {"a": 1} }', f'{[1.0, 2]}', f'{b"x"}']
# ---
# format specs for bools and None
[f'{True:>6}', f'{True:d}', f'{False:.2f}', f'{None!s:>6}']
# ---
# format() builtin and str.format agree with f-strings
x = 12.5
[format(x, '.1f'), format(x, '>8'), format(255, 'x'), format('s', '^3'), format(3), '{:>6.2f}'.format(x), f'{x:>6.2f}']
# ---
# multi-line f-string in triple quotes
a, b = 1, 2
f"""sum:
{a + b:>4}
done"""
# ---
# walrus inside an f-string needs parentheses
f'{(y := 6) * 7} {y}'
# ---
# a format spec of the wrong kind raises ValueError
x = 1.5
f'{x:d}'
# ---
# a string cannot take a sign: raises ValueError
f'{"abc":+}'
# ---
# unknown format code for int raises ValueError
f'{5:q}'
# ---
# comma separator on a string raises ValueError
f'{"abc":,}'
# ---
# a name error inside an f-string raises NameError
f'{missing_name}'
# ---
# an exception inside an f-string expression raises ZeroDivisionError
f'{1 // 0}'
# ---
# precision on an int raises ValueError
f'{10:.2d}'
# ---
# format spec on a list raises TypeError
f'{[1, 2]:>10}'
