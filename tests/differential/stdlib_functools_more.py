# functools.partialmethod
import functools
class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state, note=''):
        self.alive = state
        return (state, note)
    set_alive = functools.partialmethod(set_state, True)
    set_dead = functools.partialmethod(set_state, False, note='bye')
c = Cell()
[c.set_alive(), c.alive, c.set_dead(), c.alive, Cell.set_alive(c), c.set_alive(note='hi')]
