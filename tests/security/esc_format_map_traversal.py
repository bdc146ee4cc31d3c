# kind: escape
# expect: blocked
# desc: format_map field traversal through a dict value
s = '{d.__class__.__init__.__globals__}'.format_map({'d': []})
('ESC' + 'APED:' + s) if 'os' in s else s
