text = "first line\nsecond line\n\nfourth\n"
print(text.splitlines())
print(text.splitlines(keepends=True))
print(text.split("\n"))
print("one".splitlines(), "".splitlines())
print("a\r\nb\rc".splitlines())
for i, line in enumerate(text.splitlines(), 1):
    print(i, repr(line))

# expect: ['first line', 'second line', '', 'fourth']
# expect: ['first line\n', 'second line\n', '\n', 'fourth\n']
# expect: ['first line', 'second line', '', 'fourth', '']
# expect: ['one'] []
# expect: ['a', 'b', 'c']
# expect: 1 'first line'
# expect: 2 'second line'
# expect: 3 ''
# expect: 4 'fourth'
