lst = [10, 20, 30]
it = iter(lst)
print(next(it))
for x in it:
    print("rest", x)
print(list(it))
d = {"a": 1, "b": 2}
dit = iter(d)
print(next(dit), list(dit))
print(list(iter(range(3))), list(enumerate(iter("xy"))))
gen = (i for i in range(3))
print(sum(gen), sum(gen))

# expect: 10
# expect: rest 20
# expect: rest 30
# expect: []
# expect: a ['b']
# expect: [0, 1, 2] [(0, 'x'), (1, 'y')]
# expect: 3 0
