print([(x, y) for x in range(3) for y in range(x)])
print([x * y for x in [1, 2] for y in [10, 100]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[0 for _ in range(3)] for _ in range(2)])
print([c + d for c in "ab" if c != "z" for d in "xy" if d != "y"])
print([[j for j in range(i)] for i in range(4)])

# expect: [(1, 0), (2, 0), (2, 1)]
# expect: [10, 100, 20, 200]
# expect: [1, 2, 3, 4, 5, 6]
# expect: [[1, 4], [2, 5], [3, 6]]
# expect: [[0, 0, 0], [0, 0, 0]]
# expect: ['ax', 'bx']
# expect: [[], [0], [0, 1], [0, 1, 2]]
