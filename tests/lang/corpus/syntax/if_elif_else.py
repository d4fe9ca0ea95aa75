def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 7, 10, 123]:
    print(n, classify(n))

x = 5
if x:
    print("truthy int")
if not []:
    print("empty list is falsy")
if "":
    print("never")
else:
    print("empty string is falsy")
if None is None and 0 == 0.0:
    print("both true")

# expect: -5 negative
# expect: 0 zero
# expect: 7 small
# expect: 10 large
# expect: 123 large
# expect: truthy int
# expect: empty list is falsy
# expect: empty string is falsy
# expect: both true
