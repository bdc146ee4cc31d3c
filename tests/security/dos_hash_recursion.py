# kind: dos
# expect: blocked
# desc: __hash__ hashing a tuple holding self
class A:
    def __hash__(self):
        return hash((self,))
{A(): 1}
