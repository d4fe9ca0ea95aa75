for i in range(1, 4):
    row = []
    for j in range(1, 4):
        if j > i:
            break
        row.append(i * j)
    print(i, row)

pairs = []
for a in "xy":
    for b in (1, 2):
        if b == 2 and a == "y":
            continue
        pairs.append(a + str(b))
print(pairs)

count = 0
for _ in range(3):
    for _ in range(4):
        count += 1
print("count", count)

# expect: 1 [1]
# expect: 2 [2, 4]
# expect: 3 [3, 6, 9]
# expect: ['x1', 'x2', 'y1']
# expect: count 12
