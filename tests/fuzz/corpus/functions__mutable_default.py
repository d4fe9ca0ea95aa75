def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1), append_safe(2))

# expect: [1]
# expect: [1, 2]
# expect: [3]
# expect: [1, 2, 4]
# expect: [1] [2]
