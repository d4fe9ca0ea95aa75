value = "global"

def outer():
    value = "outer"
    def use_nonlocal():
        nonlocal value
        value = "changed by nonlocal"
    def use_global():
        global value
        value = "changed by global"
    use_nonlocal()
    print("outer sees:", value)
    use_global()
    print("outer still sees:", value)

outer()
print("module sees:", value)

total = 0
def add(n):
    global total
    total += n
for n in range(5):
    add(n)
print(total)

# expect: outer sees: changed by nonlocal
# expect: outer still sees: changed by nonlocal
# expect: module sees: changed by global
# expect: 10
