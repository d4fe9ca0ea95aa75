def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError:
        print("logging missing key", key)
        raise

try:
    load("b")
except KeyError as e:
    print("caller got", repr(e))

def wrap():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise e

try:
    wrap()
except ZeroDivisionError as e:
    print("re-raised with name:", e)
try:
    raise ValueError("first")
except ValueError as exc:
    saved = exc
print("saved outside except:", saved)

# expect: logging missing key b
# expect: caller got KeyError('b')
# expect: re-raised with name: division by zero
# expect: saved outside except: first
