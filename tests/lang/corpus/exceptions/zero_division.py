cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0,
         lambda: 5.5 // 0.0, lambda: divmod(1, 0), lambda: 0 ** -1]
for case in cases:
    try:
        case()
    except ZeroDivisionError as e:
        print(type(e).__name__, "-", e)
try:
    1 / 0
except ArithmeticError as e:
    print("caught as ArithmeticError:", repr(e))

# expect: ZeroDivisionError - division by zero
# expect: ZeroDivisionError - integer division or modulo by zero
# expect: ZeroDivisionError - integer modulo by zero
# expect: ZeroDivisionError - float division by zero
# expect: ZeroDivisionError - float floor division by zero
# expect: ZeroDivisionError - integer division or modulo by zero
# expect: ZeroDivisionError - 0.0 cannot be raised to a negative power
# expect: caught as ArithmeticError: ZeroDivisionError('division by zero')
