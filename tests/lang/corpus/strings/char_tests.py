samples = ["123", "12.5", "abc", "abc123", "   ", "", "-5", "Hello"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace())
print("Title Case".istitle(), "Not title".istitle())
print("42".isnumeric(), "4.2".isdecimal())

# expect: '123' True False True False
# expect: '12.5' False False False False
# expect: 'abc' False True True False
# expect: 'abc123' False False True False
# expect: '   ' False False False True
# expect: '' False False False False
# expect: '-5' False False False False
# expect: 'Hello' False True True False
# expect: True False
# expect: True False
