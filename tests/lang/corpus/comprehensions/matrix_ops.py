a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
transpose = [list(row) for row in zip(*a)]
print(transpose)
summed = [[x + y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]
print(summed)
product = [[sum(a[i][k] * b[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(product)
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
for row in identity:
    print(row)
print([row[::-1] for row in a[::-1]])

# expect: [[1, 3], [2, 4]]
# expect: [[6, 8], [10, 12]]
# expect: [[19, 22], [43, 50]]
# expect: [1, 0, 0]
# expect: [0, 1, 0]
# expect: [0, 0, 1]
# expect: [[4, 3], [2, 1]]
