total = 1 + \
        2 + \
        3
print(total)

values = [
    1,
    2,
    3,  # trailing comma
]
print(values)

message = ("implicit "
           "string "
           'concatenation')
print(message)

result = (10
          * 2
          - 5)
print(result)

d = {
    "a": 1,
    "b": 2,
}
print(d)
if (total > 5 and
        result > 10):
    print("multi-line condition")
x = 1; y = 2; print(x + y)
if x: print("one-line if")
for i in range(2): print("one-line for", i)

# expect: 6
# expect: [1, 2, 3]
# expect: implicit string concatenation
# expect: 15
# expect: {'a': 1, 'b': 2}
# expect: multi-line condition
# expect: 3
# expect: one-line if
# expect: one-line for 0
# expect: one-line for 1
