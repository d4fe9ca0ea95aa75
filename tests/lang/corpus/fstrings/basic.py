name = "Ann"
age = 30
print(f"{name} is {age} years old")
print(f"{name!r}", f"{age + 1}", f"{'nested quotes'}")
print(F"capital F {name}")
items = [1, 2, 3]
print(f"{items} {len(items)} {items[0]} {items[-1]}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{3 * 4} {2 ** 10} {10 / 4}")
print(f"")
print(f"no fields")
print(f"{None} {True} {1.0}")

# expect: Ann is 30 years old
# expect: 'Ann' 31 nested quotes
# expect: capital F Ann
# expect: [1, 2, 3] 3 1 3
# expect: v {'k': 'v'}
# expect: 12 1024 2.5
# expect:
# expect: no fields
# expect: None True 1.0
