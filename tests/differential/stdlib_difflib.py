# difflib SequenceMatcher
import difflib
s = difflib.SequenceMatcher(None, 'abcd', 'bcde')
[s.ratio(), s.quick_ratio(), s.real_quick_ratio(), [tuple(m) for m in s.get_matching_blocks()], s.get_opcodes(), tuple(s.find_longest_match(0, 4, 0, 4)), repr(s.find_longest_match(0, 4, 0, 4))]
# ---
# difflib SequenceMatcher on lines with junk
import difflib
a = ['one\n', 'two\n', 'three\n', 'four\n']
b = ['zero\n', 'one\n', 'three\n', 'four\n', 'five\n']
s = difflib.SequenceMatcher(lambda x: x == ' ', a, b)
[round(s.ratio(), 4), list(s.get_grouped_opcodes(1)), s.get_matching_blocks()[0].size]
# ---
# difflib unified_diff and context_diff
import difflib
a = 'one\ntwo\nthree\nfour\n'.splitlines(keepends=True)
b = 'one\n2\nthree\nfour\nfive\n'.splitlines(keepends=True)
print(''.join(difflib.unified_diff(a, b, fromfile='a.txt', tofile='b.txt')))
print(''.join(difflib.context_diff(a, b, fromfile='a', tofile='b')))
list(difflib.unified_diff(['x'], ['y'], lineterm=''))
# ---
# difflib ndiff and restore
import difflib
d = list(difflib.ndiff(['one\n', 'two\n', 'three\n'], ['ore\n', 'tree\n', 'emu\n']))
[d, ''.join(difflib.restore(d, 1)), ''.join(difflib.restore(d, 2))]
# ---
# difflib get_close_matches
import difflib
[difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']), difflib.get_close_matches('wheel', ['while', 'for', 'with', 'which'], n=2, cutoff=0.5), difflib.get_close_matches('zzz', ['a', 'b'])]
# ---
# difflib Differ compare
import difflib
print(''.join(difflib.Differ().compare(['abc\n', 'same\n'], ['abd\n', 'same\n'])))
# ---
# difflib HtmlDiff table
import difflib
t = difflib.HtmlDiff().make_table(['a', 'b'], ['a', 'c'])
[len(t) > 100, 'diff_chg' in t]
