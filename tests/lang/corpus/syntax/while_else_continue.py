i = 0
total = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    total += i
else:
    print("loop finished normally, i =", i)
print("sum of odd numbers:", total)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
    if steps > 1000:
        break
else:
    print("collatz reached 1 in", steps, "steps")

while True:
    steps -= 100
    if steps < 0:
        break
print("after while True:", steps)

# expect: loop finished normally, i = 10
# expect: sum of odd numbers: 25
# expect: collatz reached 1 in 111 steps
# expect: after while True: -89
