total = 0
for i in range(1_000_000):
    total += i * i
print(total)
count = 0
i = 0
while i < 500_000:
    if i % 7 == 0:
        count += 1
    i += 1
print(count)
print(sum(x ** 2 for x in range(200_000)))

# expect: 333332833333500000
# expect: 71429
# expect: 2666646666700000
