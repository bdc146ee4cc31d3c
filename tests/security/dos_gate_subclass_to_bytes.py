# kind: dos
# expect: blocked
# desc: int subclass overriding bit_length: to_bytes
class I(int):
    def bit_length(self):
        return 10 ** 12
I(1).to_bytes(10 ** 9, 'big')
