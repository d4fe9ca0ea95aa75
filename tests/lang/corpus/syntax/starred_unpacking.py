first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = "abcdef"
print(head, middle, tail)
a, *b = (1,)
print(a, b)

def f(*args):
    return args

nums = [1, 2, 3]
print(f(*nums, 4, *nums))
combined = [*nums, *"ab", *range(2)]
print(combined)
t = (*nums,)
print(t)
for a, *b in [(1, 2, 3), (4, 5)]:
    print(a, b)

# expect: 1 [2, 3, 4]
# expect: [0, 1, 2, 3] 4
# expect: a ['b', 'c', 'd', 'e'] f
# expect: 1 []
# expect: (1, 2, 3, 4, 1, 2, 3)
# expect: [1, 2, 3, 'a', 'b', 0, 1]
# expect: (1, 2, 3)
# expect: 1 [2, 3]
# expect: 4 [5]
