s = "ab" * 500_000
print(len(s), s[:6], s[-3:])
print(s.count("ab"), s.find("ba"), s.rfind("ab"))
parts = ",".join(str(i) for i in range(10_000))
print(len(parts), parts[-14:])
print(len(parts.split(",")))
builder = []
for i in range(20_000):
    builder.append("x")
print(len("".join(builder)))

# expect: 1000000 ababab bab
# expect: 500000 1 999998
# expect: 48889 9997,9998,9999
# expect: 10000
# expect: 20000
