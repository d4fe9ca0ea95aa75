try:
    raise ValueError("x")
except ValueError as e:
    message = str(e)
print(message)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
e = "reassigned"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    e
except NameError as err:
    print("again:", err)

# expect: x
# expect: NameError: name 'e' is not defined
# expect: again: name 'e' is not defined
