# kind: escape
# expect: blocked
# desc: closure cell_contents and __closure__ to reach hidden state
def outer():
    x = 1
    def inner():
        return x
    return inner
cl = outer().__closure__
'ESC' + 'APED:' + str(cl[0].cell_contents)
