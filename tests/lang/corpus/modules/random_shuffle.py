import random

random.seed(42)
deck = list(range(10))
random.shuffle(deck)
print(deck)
words = ["a", "b", "c", "d", "e"]
random.shuffle(words)
print(words)
print(random.sample(range(100), 5))
print(sorted(deck) == list(range(10)))

# expect: [7, 3, 2, 8, 5, 6, 9, 4, 0, 1]
# expect: ['b', 'c', 'a', 'd', 'e']
# expect: [11, 27, 29, 64, 77]
# expect: True
