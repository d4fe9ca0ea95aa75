grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
print(shared[0] is shared[2], grid[0] is grid[2])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in matrix])
print(sum(sum(row) for row in matrix))
print(matrix[-1][-1], matrix[1][::-1])
for row in matrix:
    print(" ".join(f"{v:2}" for v in row))

# expect: [[0, 0, 0], [0, 5, 0], [0, 0, 0]]
# expect: [[0, 5, 0], [0, 5, 0], [0, 5, 0]]
# expect: True False
# expect: [2, 5, 8]
# expect: 45
# expect: 9 [6, 5, 4]
# expect:  1  2  3
# expect:  4  5  6
# expect:  7  8  9
