def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([3, 1, 4, 1, 5], 4)
find([3, 1, 4, 1, 5], 9)
find([], 1)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

# expect: found 4 at 2
# expect: 9 not found
# expect: 1 not found
# expect: 2 is prime
# expect: 3 is prime
# expect: 5 is prime
# expect: 7 is prime
# expect: 11 is prime
# expect: 13 is prime
# expect: 17 is prime
# expect: 19 is prime
