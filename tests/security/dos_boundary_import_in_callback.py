# kind: dos
# expect: blocked
# desc: a first import inside a __str__ run from native code grew the global table under the outer loop's cached pointer (use-after-free)
class S:
    def __str__(self):
        import asyncio
        return "s"
a = 1
b = [str(S()) for _ in range(3)]
[a, b]
