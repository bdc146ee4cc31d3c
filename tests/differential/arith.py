# integer addition, subtraction, multiplication
[2 + 3, 2 - 3, -2 * 3, 7 * 0, 0 - 0]
# ---
# true division always gives a float
[7 / 2, 6 / 3, -7 / 2, 1 / 3, 0 / 5]
# ---
# floor division and modulo follow the sign of the divisor
[7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3]
# ---
# float floor division and modulo
[7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, 5 % 2.5]
# ---
# powers: int, negative exponent, float base, zero
[2 ** 10, 2 ** -1, 2.0 ** 3, (-2) ** 3, -2 ** 2, 0 ** 0, 10 ** 0]
# ---
# power is right-associative
[2 ** 3 ** 2, (2 ** 3) ** 2]
# ---
# three-argument pow is modular exponentiation
[pow(3, 4, 5), pow(2, 100, 7), pow(7, -1, 13)]
# ---
# big integers never overflow
[2 ** 100, 2 ** 64 - 1, -(10 ** 30) // 7, (10 ** 20) % 9999]
# ---
# unary operators
[-5, +5, -(-5), ~5, ~-1, not 0, not 3, -0.0, +True, -True, ~False]
# ---
# precedence: unary minus binds tighter than * but looser than **
[-3 ** 2, (-3) ** 2, 2 * 3 + 4, 2 * (3 + 4), 10 - 4 - 3, 100 / 10 / 5, 2 + 3 * 4 ** 2]
# ---
# bitwise operators on ints
[6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2, -1 & 0xFF, 5 ^ -1]
# ---
# shifts into big integers
[1 << 100, (1 << 100) >> 98, -1 << 65]
# ---
# bool participates in arithmetic as 0 and 1
[True + True, True * 7, False - 1, True / 2, True & False, True | False, True ^ True]
# ---
# bitwise operators on two bools stay bool
[type(True & True).__name__, type(True | False).__name__, type(True + False).__name__]
# ---
# mixing int and float promotes to float
[1 + 2.0, 3 * 1.5, 2 - 0.5, 10 // 4.0, 10 % 4.0, type(1 + 1.0).__name__]
# ---
# float rounding artifacts are part of the result
[0.1 + 0.2, 1.1 * 3, 1e16 + 1, 2 ** 0.5, 1e308 * 10, -1e308 * 10]
# ---
# augmented assignment on numbers
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
y = 7
y /= 2
z = 0b1100
z &= 0b1010
z |= 1
z ^= 0b11
z <<= 3
z >>= 1
[x, y, z]
# ---
# augmented assignment on sequences and strings
s = "ab"
s += "cd"
s *= 2
l = [1]
l += [2, 3]
l *= 2
t = (1,)
t += (2,)
[s, l, t]
# ---
# list += extends in place, visible through another name
a = [1, 2]
b = a
a += [3]
c = (1, 2)
d = c
c += (3,)
[a, b, a is b, c, d, c is d]
# ---
# integer division by zero raises ZeroDivisionError
1 // 0
# ---
# modulo by zero raises ZeroDivisionError
5 % 0
# ---
# true division by zero raises ZeroDivisionError
1 / 0
# ---
# float division by zero raises ZeroDivisionError
1.5 / 0.0
# ---
# float floor division by zero raises ZeroDivisionError
1.5 // 0
# ---
# float modulo by zero raises ZeroDivisionError
1.5 % 0.0
# ---
# divmod by zero raises ZeroDivisionError
divmod(7, 0)
# ---
# zero to a negative power raises ZeroDivisionError
0 ** -1
# ---
# adding int and str raises TypeError
1 + 'a'
# ---
# adding str and int raises TypeError
'a' + 1
# ---
# subtracting strings raises TypeError
'abc' - 'a'
# ---
# multiplying a list by a float raises TypeError
[1, 2] * 2.0
# ---
# unary minus on a str raises TypeError
-'abc'
# ---
# bitwise and on floats raises TypeError
1.5 & 1
# ---
# negative shift count raises ValueError
1 << -1
# ---
# adding None raises TypeError
None + 1
# ---
# float overflow in power raises OverflowError
10.0 ** 400
# ---
# list += int raises TypeError, as list.extend would
n = [1]
n += 5
