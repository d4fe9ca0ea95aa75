x = 10
name = "Ann"
print(f"{x=}")
print(f"{name=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{x=:>5}")
print(f"{3.14159=:.2f}")
print(f"{name=!s}")
items = [1, 2]
print(f"{len(items)=} {items[0]=}")

# expect: x=10
# expect: name='Ann'
# expect: x = 10
# expect: x*2=20
# expect: x=   10
# expect: 3.14159=3.14
# expect: name=Ann
# expect: len(items)=2 items[0]=1
