s = "Hello, World"
print(s[0], s[-1], s[7])
print(s[0:5], s[7:], s[:5], s[:])
print(s[-5:], s[:-7], s[-5:-2])
print(s[3:3], repr(s[10:2]), s[100:], s[-100:3])
lst = list(range(10))
print(lst[2:5], lst[-3:], lst[:-8])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
print(len(s[2:9]))

# expect: H d W
# expect: Hello World Hello Hello, World
# expect: World Hello Wor
# expect:  ''  Hel
# expect: [2, 3, 4] [7, 8, 9] [0, 1]
# expect: (2, 3) (4, 3, 2, 1)
# expect: 7
