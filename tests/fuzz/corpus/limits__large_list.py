n = 1_000_000
values = list(range(n))
print(len(values), values[-1], sum(values))
squares = [i * i for i in range(100_000)]
print(squares[99_999], len(squares))
d = {i: str(i) for i in range(50_000)}
print(len(d), d[49_999])
s = set(range(0, 100_000, 3))
print(len(s), 99_999 in s)

# expect: 1000000 999999 499999500000
# expect: 9999800001 100000
# expect: 50000 49999
# expect: 33334 True
