# kind: dos
# expect: blocked
# desc: an exception whose __str__ raises itself, left uncaught
class E(Exception):
    def __str__(self):
        return str(self)
raise E()
