# kind: escape
# expect: blocked
# desc: type(None).__init_subclass__ / __reduce__ paths
t = type(None)
'ESC' + 'APED:' + str(t.__init_subclass__)
