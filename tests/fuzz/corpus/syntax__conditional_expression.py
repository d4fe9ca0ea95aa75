for n in range(-2, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)

def parity(n):
    return "even" if n % 2 == 0 else "odd"

print([parity(i) for i in range(4)])
x = None
value = x if x is not None else "fallback"
print(value)
print((lambda a, b: a if a > b else b)(3, 9))

# expect: -2 neg
# expect: -1 neg
# expect: 0 zero
# expect: 1 pos
# expect: 2 pos
# expect: ['even', 'odd', 'even', 'odd']
# expect: fallback
# expect: 9
