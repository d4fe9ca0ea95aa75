text = """first
  second
third"""
print(text)
print(len(text.splitlines()))
doc = '''single-quoted
triple'''
print(doc)
joined = "a" "b" 'c'
print(joined)
long = ("This is a long string "
        "split across lines.")
print(long)
with_escape = """tab:\tend
backslash-continued \
line"""
print(with_escape)

# expect: first
# expect:   second
# expect: third
# expect: 3
# expect: single-quoted
# expect: triple
# expect: abc
# expect: This is a long string split across lines.
# expect: tab:	end
# expect: backslash-continued line
