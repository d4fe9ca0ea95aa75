nums = range(20)
print([n for n in nums if n % 3 == 0])
print([n for n in nums if n % 2 if n % 5])
print([w for w in ["apple", "", "kiwi", ""] if w])
print([n * n for n in nums if n > 15])
data = [{"name": "a", "ok": True}, {"name": "b", "ok": False}]
print([d["name"] for d in data if d["ok"]])
print([x for x in [1, "a", 2.5, None, 3] if isinstance(x, int)])

# expect: [0, 3, 6, 9, 12, 15, 18]
# expect: [1, 3, 7, 9, 11, 13, 17, 19]
# expect: ['apple', 'kiwi']
# expect: [256, 289, 324, 361]
# expect: ['a']
# expect: [1, 3]
