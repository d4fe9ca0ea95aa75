def f():
    return 1

print(f)
g = f
print(g is f, g())
print(type(f).__name__)
print(lambda: 0)
print(len)
print(print)
class C:
    def method(self):
        pass
print(C.method)
print(C().method)

# expect: <function f at 0x?>
# expect: True 1
# expect: function
# expect: <function <lambda> at 0x?>
# expect: <built-in function len>
# expect: <built-in function print>
# expect: <function C.method at 0x?>
# expect: <bound method C.method of <__main__.C object at 0x?>>
