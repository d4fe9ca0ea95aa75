tests = [lambda: [1, 2, 3][3], lambda: (1, 2)[-5], lambda: "abc"[10],
         lambda: [].pop(), lambda: range(3)[3], lambda: [][0]]
for t in tests:
    try:
        t()
    except IndexError as e:
        print("IndexError:", e)
lst = [1, 2, 3]
print(lst[1:100], lst[-100:1])
try:
    lst[5] = 0
except IndexError as e:
    print("IndexError:", e)

# expect: IndexError: list index out of range
# expect: IndexError: tuple index out of range
# expect: IndexError: string index out of range
# expect: IndexError: pop from empty list
# expect: IndexError: range object index out of range
# expect: IndexError: list index out of range
# expect: [2, 3] [1]
# expect: IndexError: list assignment index out of range
