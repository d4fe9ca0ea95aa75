pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}")

print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7 // 2.0, -7 % 2.5)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(10 % 1, -1 % 10)

# expect: 7 // 2 = 3, 7 % 2 = 1
# expect: -7 // 2 = -4, -7 % 2 = 1
# expect: 7 // -2 = -4, 7 % -2 = -1
# expect: -7 // -2 = 3, -7 % -2 = -1
# expect: 0 // 3 = 0, 0 % 3 = 0
# expect: 6 // 3 = 2, 6 % 3 = 0
# expect: 3.0 1.5
# expect: -4.0 0.5
# expect: 3.0 0.5
# expect: (3, 2) (-4, 3) (3.0, 2.5)
# expect: 0 9
