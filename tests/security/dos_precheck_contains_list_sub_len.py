# kind: dos
# expect: blocked
# desc: x in a huge list subclass whose __len__ lies
class L(list):
    def __len__(self):
        return 0
x = L([[0] * 50] * 10 ** 6)
while True:
    [0] * 49 + [1] in x
