def nothing():
    pass

class Empty:
    pass

for i in range(3):
    pass

if True:
    pass
else:
    pass

try:
    pass
except Exception:
    pass

print(nothing())
print(type(Empty()).__name__)
print(i)

def stub():
    ...

print(stub())

# expect: None
# expect: Empty
# expect: 2
# expect: None
