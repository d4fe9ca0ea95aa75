counter = 0

def increment():
    global counter
    counter += 1

def read():
    return counter

for _ in range(5):
    increment()
print(counter, read())

def define_new():
    global created
    created = "made inside function"

define_new()
print(created)

def shadow():
    counter = 100
    return counter

print(shadow(), counter)

# expect: 5 5
# expect: made inside function
# expect: 100 5
