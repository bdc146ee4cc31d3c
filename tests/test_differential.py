"""Every snippet under tests/differential/ gives the same value or error, and prints the same
text, under monty as under CPython."""

import pytest

from conformance import assert_same, load_cases

CASES = load_cases()


@pytest.mark.parametrize("code", [code for _, code in CASES], ids=[case_id for case_id, _ in CASES])
def test_snippet_matches_cpython(code):
    assert_same(code)
