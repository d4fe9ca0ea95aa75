print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("no separator".partition("="))
print("no separator".rpartition("="))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
for line in ["a: 1", "b:2", "c"]:
    k, _, v = line.partition(":")
    print(repr(k.strip()), repr(v.strip()))

# expect: ('key', '=', 'value=more')
# expect: ('key=value', '=', 'more')
# expect: ('no separator', '', '')
# expect: ('', '', 'no separator')
# expect: user @ example.com
# expect: 'a' '1'
# expect: 'b' '2'
# expect: 'c' ''
