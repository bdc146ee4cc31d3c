# kind: dos
# expect: blocked
# desc: strings built and held only by re match objects
import re
ms = []
while True:
    ms.append(re.match("a*", "a" * 100000 + str(len(ms))))
