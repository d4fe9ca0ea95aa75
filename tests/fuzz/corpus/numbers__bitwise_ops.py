a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 << 4)
print(~0, ~-1, -5 & 0xff)
print(1 << 100)
print((1 << 100) | 1, (2 ** 70) & (2 ** 70 - 1))
print(f"{10:b} {8:o}")
flags = 0
for bit in (0, 2, 5):
    flags |= 1 << bit
print(flags, [i for i in range(8) if flags & (1 << i)])

# expect: 8 14 6 -13
# expect: 1024 128 -4 -16
# expect: -1 0 251
# expect: 1267650600228229401496703205376
# expect: 1267650600228229401496703205377 0
# expect: 1010 10
# expect: 37 [0, 2, 5]
