print(list(range(5)))
print(list(range(2, 10)), list(range(2, 10, 3)))
print(list(range(10, 0, -2)), list(range(5, 5)), list(range(5, 0)))
r = range(0, 20, 5)
print(r, len(r), r[1], r[-1], r[1:3])
print(15 in r, 16 in r, r.index(10), r.count(5))
print(range(3) == range(0, 3), list(range(-3, 3)))
print(sum(range(101)), max(range(7)), len(range(10 ** 12)))
print(range(1, 10, 2)[::-1])
for i in range(3, 0, -1):
    print(i, end=" ")
print("|")

# expect: [0, 1, 2, 3, 4]
# expect: [2, 3, 4, 5, 6, 7, 8, 9] [2, 5, 8]
# expect: [10, 8, 6, 4, 2] [] []
# expect: range(0, 20, 5) 4 5 15 range(5, 15, 5)
# expect: True False 2 1
# expect: True [-3, -2, -1, 0, 1, 2]
# expect: 5050 6 1000000000000
# expect: range(9, -1, -2)
# expect: 3 2 1 |
