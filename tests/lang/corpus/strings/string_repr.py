print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"))
print(repr("\x00\x07"), repr("é"), repr("\u2603"))
print(str("tab\there"))
print(["a", "b'c", 'd"e'])
print(("single",), {"key": "value"})
print(repr(""), repr(" "))
print('raw: ' + r"C:\new\table")
print(len("\n"), len(r"\n"))

# expect: 'plain' "it's" 'say "hi"' 'both \' and "'
# expect: 'tab\there' 'new\nline' 'back\\slash'
# expect: '\x00\x07' 'é' '☃'
# expect: tab	here
# expect: ['a', "b'c", 'd"e']
# expect: ('single',) {'key': 'value'}
# expect: '' ' '
# expect: raw: C:\new\table
# expect: 1 2
