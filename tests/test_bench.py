"""The benchmark module's rows compute the same values on every side (a row that measured a
different computation would be a wrong ratio)."""

from monty import bench


def _bench(name):
    return next(b for b in bench.BENCHMARKS if b.name == name)


def test_fresh_action_rows_run_new_text_and_agree_with_cpython():
    for name in ("fresh_action", "fresh_action_front_end", "exceptions_raise_catch",
                 "exceptions_zero_division"):
        row = bench.run_benchmark(_bench(name), 3, 1)
        assert "error" not in row, row
        assert row["match"], row
        assert row["monty"]["median_ns"] > 0 and row["cpython"]["median_ns"] > 0


def test_fresh_text_is_new_at_every_call():
    a, b = bench.fresh_text(bench.ACTION), bench.fresh_text(bench.ACTION)
    assert a != b and "NONCE" not in a


def test_compare_table_has_monty_and_cpython_for_every_row():
    rows, rivals = bench.compare_benchmarks(1, True)
    assert [r["name"] for r in rows] == [b.name for b in bench.BENCHMARKS
                                         if b.name in bench.COMPARE]
    for row in rows:
        assert {"monty", "cpython"} <= set(row["times"]), row
    text = bench.format_compare(rows, rivals)
    assert "fresh_action" in text and "cpython" in text
