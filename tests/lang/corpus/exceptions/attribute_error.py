class Foo:
    def __init__(self):
        self.name = "foo"

checks = [
    lambda: Foo().bar,
    lambda: (5).foo,
    lambda: [].push(1),
    lambda: "s".missing,
    lambda: None.attr,
    lambda: Foo.nothing,
    lambda: {}.append,
]
for check in checks:
    try:
        check()
    except AttributeError as e:
        print("AttributeError:", e)
f = Foo()
try:
    del f.age
except AttributeError as e:
    print("AttributeError:", e)

# expect: AttributeError: 'Foo' object has no attribute 'bar'
# expect: AttributeError: 'int' object has no attribute 'foo'
# expect: AttributeError: 'list' object has no attribute 'push'
# expect: AttributeError: 'str' object has no attribute 'missing'
# expect: AttributeError: 'NoneType' object has no attribute 'attr'
# expect: AttributeError: type object 'Foo' has no attribute 'nothing'
# expect: AttributeError: 'dict' object has no attribute 'append'
# expect: AttributeError: 'Foo' object has no attribute 'age'
