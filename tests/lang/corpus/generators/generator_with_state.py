def moving_average(values, window):
    recent = []
    for v in values:
        recent.append(v)
        if len(recent) > window:
            recent.pop(0)
        yield sum(recent) / len(recent)

print([round(a, 2) for a in moving_average([1, 2, 3, 10, 20], 3)])

def unique(items):
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item

print(list(unique([3, 1, 3, 2, 1, 4])))
print(list(unique("mississippi")))

# expect: [1.0, 1.5, 2.0, 5.0, 11.0]
# expect: [3, 1, 2, 4]
# expect: ['m', 'i', 's', 'p']
