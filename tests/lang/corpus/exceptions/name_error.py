try:
    print(undefined_variable)
except NameError as e:
    print("NameError:", e)
    print(e.args)

def f():
    return also_missing + 1

try:
    f()
except NameError as e:
    print("NameError:", e)

try:
    del never_defined
except NameError as e:
    print("NameError:", e)

# expect: NameError: name 'undefined_variable' is not defined
# expect: ("name 'undefined_variable' is not defined",)
# expect: NameError: name 'also_missing' is not defined
# expect: NameError: name 'never_defined' is not defined
