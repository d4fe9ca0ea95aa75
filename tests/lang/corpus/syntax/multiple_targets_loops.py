matrix = [[1, 2, 3], [4, 5, 6]]
for row in matrix:
    for value in row:
        print(value, end=" ")
    print("|")

for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, "=", v)

for i, (a, b) in enumerate(zip("xyz", [10, 20, 30]), start=1):
    print(i, a, b)

n = 0
for n in range(3):
    pass
print("loop variable after loop:", n)
for ch in "":
    print("never")
else:
    print("empty loop else")

# expect: 1 2 3 |
# expect: 4 5 6 |
# expect: a = 1
# expect: b = 2
# expect: 1 x 10
# expect: 2 y 20
# expect: 3 z 30
# expect: loop variable after loop: 2
# expect: empty loop else
