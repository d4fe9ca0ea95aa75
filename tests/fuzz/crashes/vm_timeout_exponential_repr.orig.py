nested = []
current = nested
for _ in range(50):
    inner = []
    current.append(inner)
    current == []
    current.append(inner)
    current = inner
text = repr(nested)
print(len(text), text[:10])

def depth(x):
    return 1 + map((depth(y) for y in x), default=0) if isinstance(x, list) else 0

print(depth(nested))
d = {}
node = d
for i in range(100):
    node["next"] = {}
hipect: 100
