n = 42
print(f"{n:d} {n:5d}| {n:05d} {n:+d} {-n:+d} {n: d}")
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{n:#o} {n:#b} {n:08b}")
print(f"{255:x} {255:X}")
print(f"{n:c}" if False else f"{n:e}")
print(f"{1000000:,d} {-5:03d}")
print(f"{n:>6} {n:<6}| {n:^6}|")
print(f"{True:d} {False}")

# expect: 42    42| 00042 +42 -42  42
# expect: 2a 2A 52 101010
# expect: 0o52 0b101010 00101010
# expect: ff FF
# expect: 4.200000e+01
# expect: 1,000,000 -05
# expect:     42 42    |   42  |
# expect: 1 False
