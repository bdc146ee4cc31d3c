# kind: dos
# expect: blocked
# desc: textwrap.fill with an int subclass tabsize whose > says no: the tab expansion is not costed, CPython's expandtabs builds 600 MB of spaces
import textwrap
class I(int):
    def __gt__(self, other):
        return False
textwrap.fill('a\tb\t' * 10, tabsize=I(3 * 10 ** 7), width=10 ** 9)
