class Plain:
    pass

p = Plain()
print(p)
print(repr(p) == str(p))
print([Plain()])
print(Plain)
print(type(p))
print(int, str, type(None))
print(str(p).startswith("<__main__.Plain object at 0x"))

# expect: <__main__.Plain object at 0x?>
# expect: True
# expect: [<__main__.Plain object at 0x?>]
# expect: <class '__main__.Plain'>
# expect: <class '__main__.Plain'>
# expect: <class 'int'> <class 'str'> <class 'NoneType'>
# expect: True
