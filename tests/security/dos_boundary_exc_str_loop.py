# kind: dos
# expect: blocked
# desc: an escaping exception whose __str__ never returns (formatted outside the run's limits before)
class E(Exception):
    def __str__(self):
        while True:
            pass
raise E()
