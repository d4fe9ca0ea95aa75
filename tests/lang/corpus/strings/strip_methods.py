s = "   hello world \t\n"
print(repr(s.strip()))
print(repr(s.lstrip()))
print(repr(s.rstrip()))
print("xxhixx".strip("x"))
print("www.example.com".strip("w.com"))
print("--==data==--".lstrip("-="), "--==data==--".rstrip("-="))
print(repr("\n\n".strip()))
line = "name: value\n"
print(line.rstrip("\n").split(": "))

# expect: 'hello world'
# expect: 'hello world \t\n'
# expect: '   hello world'
# expect: hi
# expect: example
# expect: data==-- --==data
# expect: ''
# expect: ['name', 'value']
