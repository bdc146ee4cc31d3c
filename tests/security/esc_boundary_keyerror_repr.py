# kind: escape
# expect: blocked
# desc: a KeyError key whose __repr__ raises KeyboardInterrupt when the host formats the message
class K:
    def __hash__(self):
        return 1
    def __repr__(self):
        raise KeyboardInterrupt("ESC" + "APED")
{}[K()]
