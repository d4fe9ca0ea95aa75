t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1])
print(t[1:3], t + (5,), (0,) * 3)
print(t.index("two"), (1, 2, 1).count(1))
print((1,), (), tuple(), tuple([1, 2]), tuple("ab"))
single = 1,
print(single, type(single).__name__)
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 9))
print({(1, 2): "tuple key"}[(1, 2)])
a, b, *c = (1, 2, 3, 4)
print(a, b, c)

# expect: (1, 'two', 3.0, [4]) 4 two [4]
# expect: ('two', 3.0) (1, 'two', 3.0, [4], 5) (0, 0, 0)
# expect: 1 2
# expect: (1,) () () (1, 2) ('a', 'b')
# expect: (1,) tuple
# expect: (1, 'two', 3.0, [4, 5])
# expect: TypeError: 'tuple' object does not support item assignment
# expect: True True True
# expect: tuple key
# expect: 1 2 [3, 4]
