# kind: dos
# expect: blocked
# desc: json.dumps whose default= returns a DAG of 2**40 nodes: the pre-check saw only the object, CPython's encoder walks the DAG in C
import json
dag = [0]
for _ in range(40):
    dag = [dag, dag]
class O:
    pass
json.dumps([O()], default=lambda o: dag)
