s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([5, 2], (7,))
print(s)
s.discard(100)
s.discard(5)
print(s)
s.remove(7)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
words = {"pear", "fig", "apple", "fig"}
print(sorted(words), len(words), "fig" in words)
print(sorted(set("hello")))
print(s.pop() in {1, 2, 3}, len(s))
c = s.copy()
c.clear()
print(c, len(s))

# expect: {1, 3} 2
# expect: {1, 2, 3, 5, 7}
# expect: {1, 2, 3, 7}
# expect: {1, 2, 3}
# expect: KeyError: 42
# expect: ['apple', 'fig', 'pear'] 3 True
# expect: ['e', 'h', 'l', 'o']
# expect: True 2
# expect: set() 2
