print(list(map(str, [1, 2, 3])))
print(list(map(lambda x: x ** 2, range(5))))
print(list(map(int, "1 2 3".split())))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(map(str.upper, ["a", "b"])))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(sum(map(len, ["ab", "cde", ""])))
def double(x):
    return x * 2
print(list(map(double, "ab")))

# expect: ['1', '2', '3']
# expect: [0, 1, 4, 9, 16]
# expect: [1, 2, 3]
# expect: [11, 22]
# expect: ['A', 'B']
# expect: 1 [2] []
# expect: 5
# expect: ['aa', 'bb']
