x = 5
print(f"{{x}} is {x}")
print(f"{{{x}}}")
print(f"{{}}")
print(f"set literal: { {1, 2} }")
print(f"dict: {dict(a=1)}")
print("{not a field}")

# expect: {x} is 5
# expect: {5}
# expect: {}
# expect: set literal: {1, 2}
# expect: dict: {'a': 1}
# expect: {not a field}
