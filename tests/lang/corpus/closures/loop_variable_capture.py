funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = [lambda: j for j in range(3)]
print([f() for f in funcs])

funcs = [lambda j=j: j for j in range(3)]
print([f() for f in funcs])

def make(n):
    return lambda: n
funcs = [make(k) for k in range(3)]
print([f() for f in funcs])

def outer():
    result = []
    for x in "abc":
        def show():
            return x
        result.append(show)
    return [f() for f in result]
print(outer())

# expect: [2, 2, 2]
# expect: [2, 2, 2]
# expect: [0, 1, 2]
# expect: [0, 1, 2]
# expect: ['c', 'c', 'c']
