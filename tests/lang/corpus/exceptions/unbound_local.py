count = 0

def broken():
    count += 1
    return count

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def maybe(flag):
    if flag:
        value = "set"
    return value

print(maybe(True))
try:
    maybe(False)
except NameError as e:
    print(type(e).__name__, "is a NameError:", e)

# expect: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
# expect: set
# expect: UnboundLocalError is a NameError: cannot access local variable 'value' where it is not associated with a value
