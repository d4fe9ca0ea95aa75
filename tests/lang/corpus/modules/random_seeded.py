import random

random.seed(42)
print(random.random())
print(random.random())
print([round(random.random(), 6) for _ in range(3)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.random())

# expect: 0.6394267984578837
# expect: 0.025010755222666936
# expect: [0.275029, 0.223211, 0.736471]
# expect: 0.6394267984578837
# expect: 0.8444218515250481
