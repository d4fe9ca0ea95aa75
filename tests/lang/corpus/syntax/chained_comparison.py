x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 < 6)
print(1 == 1.0 == True)
print(3 > 2 > 1)
print(3 > 2 > 2)
print("a" < "b" < "c")
print([1, 2] < [1, 3])
print((1, 2, 3) <= (1, 2))
print(x != 4 != 5)

calls = []
def val(v):
    calls.append(v)
    return v

print(val(1) < val(0) < val(2))
print(calls)

# expect: True
# expect: False
# expect: True
# expect: True
# expect: True
# expect: False
# expect: True
# expect: True
# expect: False
# expect: True
# expect: False
# expect: [1, 0]
