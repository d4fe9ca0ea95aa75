nested = []
current = nested
for _ in range(50):
    inner = []
    current.append(inner)
    current = inner
text = repr(nested)
print(len(text), text[:10])

def depth(x):
    return 1 + max((depth(y) for y in x), default=0) if isinstance(x, list) else 0

print(depth(nested))
d = {}
node = d
for i in range(100):
    node["next"] = {}
    node = node["next"]
count = 0
node = d
while node:
    node = node["next"]
    count += 1
print(count)

# expect: 102 [[[[[[[[[[
# expect: 51
# expect: 100
