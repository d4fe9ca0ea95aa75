import random

random.seed(42)
print([random.randint(1, 6) for _ in range(10)])
print(random.choice(["red", "green", "blue"]))
print(random.choice("abcdef"), random.choice(range(100)))
print(random.randrange(10), random.randrange(0, 100, 5))
print(round(random.uniform(1.0, 2.0), 6))

# expect: [6, 1, 1, 6, 3, 2, 2, 2, 6, 1]
# expect: blue
# expect: f 69
# expect: 1 90
# expect: 1.421922
