print(sum([1, 2, 3]), sum([]), sum(range(101)))
print(sum([0.1] * 10), sum([1, 2.5]))
print(sum([1, 2], 10), sum([[1], [2, 3]], []))
print(sum(x * x for x in range(10)))
print(sum([True, True, False]))
print(sum([10 ** 20, 10 ** 20]))
print(sum((0.5, 0.25), start=1))

# expect: 6 0 5050
# expect: 0.9999999999999999 3.5
# expect: 13 [1, 2, 3]
# expect: 285
# expect: 2
# expect: 200000000000000000000
# expect: 1.75
