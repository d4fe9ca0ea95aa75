def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return len(1)
    return "fine"

for kind in ["key", "index", "zero", "type", "none"]:
    try:
        print(risky(kind))
    except LookupError as e:
        print("lookup problem:", type(e).__name__, e)
    except ArithmeticError as e:
        print("arithmetic problem:", type(e).__name__, e)
    except Exception as e:
        print("other problem:", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))

# expect: lookup problem: KeyError 'k'
# expect: lookup problem: IndexError list index out of range
# expect: arithmetic problem: ZeroDivisionError division by zero
# expect: other problem: TypeError object of type 'int' has no len()
# expect: fine
# expect: True True
# expect: True True
# expect: True True
