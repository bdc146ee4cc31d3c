# kind: dos
# expect: blocked
# desc: heapq.heapify / heappush of a growing heap forever
import heapq
h = []
i = 0
while True:
    heapq.heappush(h, -i)
    i += 1
