def attempt(value):
    try:
        result = 10 / value
    except ZeroDivisionError:
        print("  except: division by zero")
        return "error"
    else:
        print("  else: got", result)
        return "ok"
    finally:
        print("  finally runs for", value)

for v in [2, 0]:
    print("attempt", v)
    print("returned", attempt(v))

try:
    print("body")
finally:
    print("finally without except")

# expect: attempt 2
# expect:   else: got 5.0
# expect:   finally runs for 2
# expect: returned ok
# expect: attempt 0
# expect:   except: division by zero
# expect:   finally runs for 0
# expect: returned error
# expect: body
# expect: finally without except
