"""Sandbox code reading a host directory through a read-only mount and writing its report into
a second, writable mount capped at 1 MB."""

import os
import tempfile

import monty

CODE = """
import csv, os
from pathlib import Path

totals = {}
for path in sorted(Path('/data').glob('*.csv')):
    with open(path, newline='') as f:
        for row in csv.DictReader(f):
            totals[row['item']] = totals.get(row['item'], 0) + int(row['qty'])

lines = [f'{item}: {qty}' for item, qty in sorted(totals.items())]
Path('/out/report.txt').write_text('\\n'.join(lines) + '\\n')
try:
    open('/data/sales1.csv', 'a')          # the input mount is read-only
except PermissionError as e:
    lines.append(f'refused: {e}')
lines.append(os.environ.get('REPORT_OWNER', '?'))
lines
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as out:
        for n, rows in enumerate([["apple,3", "pear,1"], ["apple,2", "fig,5"]], 1):
            with open(os.path.join(data, f"sales{n}.csv"), "w") as f:
                f.write("item,qty\n" + "\n".join(rows) + "\n")
        sandbox = monty.Sandbox(
            files=[monty.MountDir(data, "/data", mode="r"),
                   monty.MountDir(out, "/out", mode="rw", max_bytes=1 << 20)],
            environ={"REPORT_OWNER": "finance"},
        )
        for line in sandbox.run(CODE):
            print(line)
        with open(os.path.join(out, "report.txt")) as f:
            print(f.read(), end="")


if __name__ == "__main__":
    main()
