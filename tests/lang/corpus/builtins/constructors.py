print(list(), list("ab"), list((1, 2)), list(range(3)), list({"k": 1}))
print(tuple(), tuple([1]), tuple("xy"))
print(dict(), dict(a=1), dict([("b", 2)]), dict({"c": 3}))
print(set(), sorted(set("banana")), set([1, 1, 2]))
print(str(), str(42), str(3.0), str([1]), str(None))
print(int(), int("7"), int(7.9), int("-0"), int(" 12 "))
print(float(), float("2.5"), float(3), float("-inf"))
print(bool(), bool(1), bool("False"))
print(list(map(int, ["1", "2"])), tuple(x for x in range(2)))

# expect: [] ['a', 'b'] [1, 2] [0, 1, 2] ['k']
# expect: () (1,) ('x', 'y')
# expect: {} {'a': 1} {'b': 2} {'c': 3}
# expect: set() ['a', 'b', 'n'] {1, 2}
# expect:  42 3.0 [1] None
# expect: 0 7 7 0 12
# expect: 0.0 2.5 3.0 -inf
# expect: False True True
# expect: [1, 2] (0, 1)
