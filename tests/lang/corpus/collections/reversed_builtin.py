print(list(reversed([1, 2, 3])))
print(list(reversed("abc")), "".join(reversed("abc")))
print(list(reversed(range(5))), list(reversed((1, 2))))
for i in reversed(range(3)):
    print("countdown", i)
lst = [1, 2, 3]
lst.reverse()
print(lst)
print(list(reversed({"a": 1, "b": 2})))
print(lst[::-1])

# expect: [3, 2, 1]
# expect: ['c', 'b', 'a'] cba
# expect: [4, 3, 2, 1, 0] [2, 1]
# expect: countdown 2
# expect: countdown 1
# expect: countdown 0
# expect: [3, 2, 1]
# expect: ['b', 'a']
# expect: [1, 2, 3]
