def chunked(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

print(list(chunked(range(7), 3)))
print(list(chunked("abcd", 2)))

def pairs(items):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            yield items[i], items[j]

print(list(pairs("abc")))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            for sub in flatten(item):
                yield sub
        else:
            yield item
print(list(flatten([1, [2, [3, 4]], [], [[5]]])))

# expect: [[0, 1, 2], [3, 4, 5], [6]]
# expect: [['a', 'b'], ['c', 'd']]
# expect: [('a', 'b'), ('a', 'c'), ('b', 'c')]
# expect: [1, 2, 3, 4, 5]
