# decimal arithmetic and repr
from decimal import Decimal
a = Decimal('1.10')
b = Decimal('2.205')
repr([a + b, a - b, a * b, b / a, b // a, b % a, -a, +b, abs(Decimal('-3.5')), divmod(b, a), a ** 2, str(a * 3), repr(b)])
# ---
# decimal with ints, comparisons and hashing
from decimal import Decimal
d = Decimal('2.5')
repr([d + 1, 3 - d, 2 * d, 10 / d, d == Decimal('2.50'), d < 3, d > 2.4, d == 2.5, hash(Decimal('2.0')) == hash(2), sorted([Decimal('1.5'), Decimal('-2'), Decimal(0)]), max(Decimal(1), Decimal('0.9'))])
# ---
# decimal mixing with float is a TypeError
from decimal import Decimal
Decimal('1.5') + 1.5
# ---
# decimal quantize and rounding modes
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_HALF_EVEN
x = Decimal('2.675')
repr([x.quantize(Decimal('0.01')), x.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), x.quantize(Decimal('1.'), rounding=ROUND_CEILING), Decimal('-7.5').quantize(Decimal('1'), rounding=ROUND_DOWN), Decimal('2.5').quantize(Decimal('1'), rounding=ROUND_HALF_EVEN), round(Decimal('3.14159'), 2), round(Decimal('2.5')), int(Decimal('-7.9'))])
# ---
# decimal context precision
from decimal import Decimal, getcontext
getcontext().prec = 6
r = Decimal(1) / Decimal(7)
getcontext().prec = 50
r2 = Decimal(1) / Decimal(7)
getcontext().prec = 28
repr([r, r2, getcontext().prec, Decimal(2).sqrt()])
# ---
# decimal localcontext restores the context
from decimal import Decimal, localcontext, getcontext
with localcontext() as ctx:
    ctx.prec = 5
    inner = Decimal(22) / Decimal(7)
outer = Decimal(22) / Decimal(7)
with localcontext(prec=3):
    kw = Decimal(1) / 3
repr([inner, outer, kw, getcontext().prec])
# ---
# decimal Context objects
import decimal
c = decimal.Context(prec=10, rounding=decimal.ROUND_HALF_UP)
repr([c.divide(Decimal := decimal.Decimal(1), 3), c.add(1, 2), c.power(2, 10), c.sqrt(decimal.Decimal(2)), c.prec, c.rounding, c.create_decimal('3.14159265358979'), c.quantize(decimal.Decimal('1.2345'), decimal.Decimal('0.01'))])
# ---
# decimal division by zero and invalid operation
from decimal import Decimal, DivisionByZero, InvalidOperation
out = []
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    out.append(type(e).__name__)
try:
    Decimal('abc')
except InvalidOperation as e:
    out.append(type(e).__name__)
try:
    Decimal(0) / Decimal(0)
except InvalidOperation as e:
    out.append(type(e).__name__)
out.append(issubclass(DivisionByZero, ZeroDivisionError))
repr(out)
# ---
# decimal traps and flags
from decimal import Decimal, getcontext, Inexact, Rounded, DivisionByZero
ctx = getcontext()
ctx.clear_flags()
x = Decimal(1) / Decimal(3)
flags = [ctx.flags[Inexact], ctx.flags[Rounded]]
ctx.traps[DivisionByZero] = False
inf = Decimal(1) / Decimal(0)
ctx.traps[DivisionByZero] = True
repr([flags, inf, inf.is_infinite()])
# ---
# decimal methods
from decimal import Decimal
d = Decimal('-123.4500')
repr([d.as_tuple(), d.normalize(), d.adjusted(), d.is_signed(), d.copy_abs(), d.to_integral_value(), Decimal('100').sqrt(), Decimal(10).ln().quantize(Decimal('0.0001')), Decimal('1e3').exp() > 0, Decimal(1000).log10(), d.as_integer_ratio(), Decimal('7.25').to_eng_string(), Decimal('1.5e5').to_eng_string()])
# ---
# decimal constructors and conversions
from decimal import Decimal
repr([Decimal(0.1), Decimal((1, (3, 1, 4), -2)), Decimal(' 42 '), Decimal('-0'), Decimal('Infinity'), Decimal('NaN').is_nan(), float(Decimal('1.25')), int(Decimal('12.9')), Decimal.from_float(0.5), Decimal(10**30), str(Decimal('1E+5')), Decimal('1e-7')])
# ---
# decimal formatting
from decimal import Decimal
d = Decimal('1234.5678')
repr([f'{d:.2f}', f'{d:,.1f}', f'{d:>12}', format(d, 'e'), f'{Decimal("0.000001234"):.2e}', '%s' % d, f'{Decimal("5"):%}'])
# ---
# decimal sum, money style code
from decimal import Decimal, ROUND_HALF_UP
prices = [Decimal('19.99'), Decimal('5.01'), Decimal('0.10')]
total = sum(prices)
tax = (total * Decimal('0.0825')).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
repr([total, tax, total + tax, f'${total + tax}'])
# ---
# decimal comparison with NaN raises
from decimal import Decimal
Decimal('NaN') < 1
# ---
# decimal statistics and fractions interplay
import statistics
from decimal import Decimal
from fractions import Fraction
repr([statistics.mean([Decimal('1.5'), Decimal('2.5')]), Fraction(Decimal('0.75')), Decimal('0.5') == Fraction(1, 2)])
# ---
# decimal prec out of range
from decimal import getcontext
getcontext().prec = 0
