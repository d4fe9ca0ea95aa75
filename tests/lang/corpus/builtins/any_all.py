print(any([]), all([]))
print(any([0, "", None]), any([0, 1]))
print(all([1, "a", [0]]), all([1, 0]))
nums = [2, 4, 6, 7]
print(all(n % 2 == 0 for n in nums), any(n % 2 for n in nums))
print(any(x > 100 for x in range(10)), all(isinstance(x, int) for x in nums))
calls = []
def check(x):
    calls.append(x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]), calls)

# expect: False True
# expect: False True
# expect: True False
# expect: False True
# expect: False True
# expect: True [1, 3]
