s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
t = s
s += " world"
print(s, t)
print(s.upper(), s)
fixed = "H" + s[1:]
print(fixed)
chars = list(s)
chars[0] = "J"
print("".join(chars))

# expect: TypeError: 'str' object does not support item assignment
# expect: hello world hello
# expect: HELLO WORLD hello world
# expect: Hello world
# expect: Jello world
