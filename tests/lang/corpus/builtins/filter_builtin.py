print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(str.isdigit, ["1", "a", "22", ""])))
def positive(n):
    return n > 0
print(list(filter(positive, [-2, 3, 0, 5])))
f = filter(lambda c: c in "aeiou", "education")
print("".join(f))

# expect: [1, 3, 5, 7, 9]
# expect: [1, 'a', [0], True]
# expect: ['1', '22']
# expect: [3, 5]
# expect: euaio
