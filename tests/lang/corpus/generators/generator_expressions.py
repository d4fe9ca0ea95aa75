nums = [4, 7, 1, 9, 2]
print(sum(x * x for x in nums))
print(max(x for x in nums if x % 2 == 0))
print(any(x > 8 for x in nums), all(x > 0 for x in nums))
print(sorted((x for x in nums), reverse=True))
gen = (c.upper() for c in "abc")
print(list(gen), list(gen))
print(tuple(i for i in range(3)), set(i % 2 for i in range(6)))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(", ".join(str(i) for i in range(4)))
total = sum(i for i in range(1_000))
print(total)

# expect: 151
# expect: 4
# expect: True True
# expect: [9, 7, 4, 2, 1]
# expect: ['A', 'B', 'C'] []
# expect: (0, 1, 2) {0, 1}
# expect: {'aa': 2, 'b': 1}
# expect: 0, 1, 2, 3
# expect: 499500
