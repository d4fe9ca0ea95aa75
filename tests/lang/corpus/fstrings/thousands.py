n = 1234567890
print(f"{n:,}")
print(f"{n:_}")
print(f"{-n:,}")
print(f"{1234.5678:,.2f}")
print(f"{999:,} {1000:,} {0:,}")
print(f"{2 ** 70:,}")
print(f"{n:>20,}")
print(f"{1234567.0:,}")
print(f"{0xFFFFFFFF:_x}")

# expect: 1,234,567,890
# expect: 1_234_567_890
# expect: -1,234,567,890
# expect: 1,234.57
# expect: 999 1,000 0
# expect: 1,180,591,620,717,411,303,424
# expect:        1,234,567,890
# expect: 1,234,567.0
# expect: ffff_ffff
