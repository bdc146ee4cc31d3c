# kind: dos
# expect: blocked
# desc: data held by an instance attribute of a caught exception kept in a list
class E(Exception):
    pass
keep = []
while True:
    try:
        raise E()
    except E as err:
        err.payload = [1] * 10000
        keep.append(err)
