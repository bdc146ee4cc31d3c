"""A program to run with `python -m monty examples/cli_demo.py`: it runs the same under CPython."""

import json


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


table = {n: fib(n) for n in range(10)}
print(json.dumps(table))
print("fib(90) =", fib(90))
