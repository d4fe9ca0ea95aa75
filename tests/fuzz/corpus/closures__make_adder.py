def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
print(add5.__name__)
adders = [make_adder(i) for i in range(4)]
print([a(10) for a in adders])

def make_greeting(prefix):
    template = prefix + ", {}!"
    def greet(name):
        return template.format(name)
    return greet

hi = make_greeting("Hi")
print(hi("Ann"), make_greeting("Hey")("Bob"))

# expect: 6 11 0
# expect: add
# expect: [10, 11, 12, 13]
# expect: Hi, Ann! Hey, Bob!
