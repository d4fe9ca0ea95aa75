original = [1, [2, 3], 4]
shallow = original.copy()
sliced = original[:]
constructed = list(original)
alias = original
original[0] = 100
original[1].append(99)
print(original)
print(shallow)
print(sliced)
print(constructed)
print(alias)
print(shallow == sliced, shallow is sliced, shallow[1] is original[1])

# expect: [100, [2, 3, 99], 4]
# expect: [1, [2, 3, 99], 4]
# expect: [1, [2, 3, 99], 4]
# expect: [1, [2, 3, 99], 4]
# expect: [100, [2, 3, 99], 4]
# expect: True False True
