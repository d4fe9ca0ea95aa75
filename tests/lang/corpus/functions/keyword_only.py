def connect(host, *, port=80, timeout=1.0):
    return f"{host}:{port} (timeout {timeout})"

print(connect("example.com"))
print(connect("example.com", port=8080))
print(connect("x", timeout=2.5, port=1))
try:
    connect("x", 8080)
except TypeError as e:
    print("TypeError:", e)

def required_kw(*, name):
    return name.upper()

print(required_kw(name="ann"))
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)

# expect: example.com:80 (timeout 1.0)
# expect: example.com:8080 (timeout 1.0)
# expect: x:1 (timeout 2.5)
# expect: TypeError: connect() takes 1 positional argument but 2 were given
# expect: ANN
# expect: TypeError: required_kw() missing 1 required keyword-only argument: 'name'
