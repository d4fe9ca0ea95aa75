def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cid", punct="?"))
print(greet(greeting="Yo", name="Dee"))

def power(base, exp=2):
    return base ** exp

print(power(3), power(2, 10), power(exp=3, base=2))
LIMIT = 5
def capped(x, limit=LIMIT):
    return min(x, limit)
LIMIT = 100
print(capped(50))

# expect: Hello, Ann!
# expect: Hi, Bob!
# expect: Hello, Cid?
# expect: Yo, Dee!
# expect: 9 1024 8
# expect: 5
