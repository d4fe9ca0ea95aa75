x = "global"

def level1():
    x = "level1"
    def level2():
        def level3():
            return x
        return level3()
    return level2()

print(level1(), x)

def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a
            a += 10
            return a + b
        return inner()
    r = middle()
    return r, a

print(outer())

def reader():
    return x
x = "changed global"
print(reader())

# expect: level1 global
# expect: (13, 11)
# expect: changed global
