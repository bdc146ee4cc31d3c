# integer literal forms
[0x1F, 0o17, 0b1011, 1_000_000, 0xdead_beef, 0, 00, 0B11, 0O7, 0XfF]
# ---
# float literal forms
[1.5, .5, 5., 1e3, 1E-3, 1_0.0_1, 0.0, 1e0, 6.02e23, 1e-320]
# ---
# float special values
inf = float('inf')
nan = float('nan')
[inf > 10 ** 300, -inf < -10 ** 300, inf + 1, inf - inf, inf * 0, nan + 1, 1 / inf, repr(-inf)]
# ---
# int and float equality across types and magnitudes
[2 ** 53 == float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 < 1e21, 1e308 < 10 ** 309, -0.0 == 0, 0.1 * 3 == 0.3, 0.5 + 0.25 == 0.75]
# ---
# true division of big ints is correctly rounded
[10 ** 30 / 10 ** 10, (2 ** 64 + 1) / 2, 1 / 3 * 3, 2 ** 100 / 2 ** 99, 7 / 7]
# ---
# floor division and modulo identities hold for negatives
pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (5, 17), (0, 3)]
[(a // b, a % b, (a // b) * b + a % b == a) for a, b in pairs]
# ---
# int() truncates toward zero while // floors
[int(7 / 2), int(-7 / 2), 7 // 2, -7 // 2, int(-0.9), -1 // 10, round(-2.5), round(-3.5)]
# ---
# float formatting with str and repr
[str(1.0), str(1e16), str(1e-5), str(0.0001), str(123456789012345.6), str(1.23e-10), str(100.0), str(-1.5e300)]
# ---
# rounding floats to a number of digits
[round(3.14159, 3), round(2.5, 0), round(-1.25, 1), round(1e20, -19), round(0.125, 2), round(0.375, 2), round(5, 2)]
# ---
# bit manipulation with masks
flags = 0
flags |= 1 << 3
flags |= 1 << 0
flags &= ~(1 << 0)
[flags, bin(flags), flags >> 3 & 1, (flags >> 1) & 1, bin(0b1010 ^ 0b0110), -5 & 0xF, ~0xFF & 0xFFFF]
# ---
# ints are arbitrary precision
f = 1
for i in range(1, 31):
    f *= i
[f, len(str(f)), f % 1000003, str(2 ** 200)[:10], (2 ** 200) // (3 ** 100)]
# ---
# negative numbers and powers
[(-2) ** 2, -2 ** 2, (-8) ** 2.0, (-1) ** 101, 2 ** -3, (-2) ** -2, 4 ** 0.5]
# ---
# int from strings with signs, spaces and bases
[int('-0'), int('0o17', 8), int('  12  '), int('1' * 30), int('Z', 36), int('0', 0), int('-0x10', 16)]
# ---
# float conversions of big ints and back
[float(10 ** 15), float(2 ** 63), int(1e18), int(2.5e10), int(-1e-9), float('1e400'), float('-1e-400')]
# ---
# converting an infinite float to int raises OverflowError
int(float('inf'))
# ---
# converting NaN to int raises ValueError
int(float('nan'))
# ---
# converting a huge int to float raises OverflowError
float(10 ** 400)
# ---
# true division with a huge result raises OverflowError
10 ** 400 / 3
# ---
# float multiplication overflows to inf rather than raising
[1e300 * 1e300, 2.0 ** 1023 * 2]
# ---
# int() with base and a non-string raises TypeError
int(12, 10)
# ---
# leading zeros in int() with base 0 raises ValueError
int('010', 0)
# ---
# sums and averages of floats
vals = [0.1] * 10
[sum(vals), sum(vals) == 1.0, sum(vals) / len(vals), max(vals) - min(vals)]
# ---
# number predicates via isinstance and type
vals = [1, 1.0, True, -0.0, 10 ** 30]
[(type(v).__name__, isinstance(v, int), isinstance(v, float)) for v in vals]
