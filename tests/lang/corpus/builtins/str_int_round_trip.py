n = 12345
s = str(n)
print(s, len(s), s[::-1], int(s[::-1]))
digits = [int(d) for d in str(2 ** 50)]
print(digits, sum(digits))
print(int("0" * 5 + "42"), str(-7).zfill(4))
print(float(str(0.1)), str(float("1e-3")))
print(int(float("3.0")), int(str(10 ** 30)) == 10 ** 30)

# expect: 12345 5 54321 54321
# expect: [1, 1, 2, 5, 8, 9, 9, 9, 0, 6, 8, 4, 2, 6, 2, 4] 76
# expect: 42 -007
# expect: 0.1 0.001
# expect: 3 True
