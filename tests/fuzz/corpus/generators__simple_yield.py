def count_up(limit):
    n = 1
    while n <= limit:
        yield n
        n += 1

for value in count_up(4):
    print(value)
print(list(count_up(6)), sum(count_up(100)))

def letters():
    yield "a"
    yield "b"
    yield "c"

print("".join(letters()), list(letters())[::-1])

# expect: 1
# expect: 2
# expect: 3
# expect: 4
# expect: [1, 2, 3, 4, 5, 6] 5050
# expect: abc ['c', 'b', 'a']
