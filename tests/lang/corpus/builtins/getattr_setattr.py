class Settings:
    color = "blue"

s = Settings()
print(getattr(s, "color"), getattr(s, "size", 10))
setattr(s, "size", 12)
print(s.size, getattr(s, "size"))
print(hasattr(s, "size"), hasattr(s, "weight"), hasattr(s, "color"))
for field in ["color", "size", "weight"]:
    print(field, getattr(s, field, "<unset>"))
method = getattr("hello", "upper")
print(method())
try:
    getattr(s, "weight")
except AttributeError as e:
    print("AttributeError:", e)

# expect: blue 10
# expect: 12 12
# expect: True False True
# expect: color blue
# expect: size 12
# expect: weight <unset>
# expect: HELLO
# expect: AttributeError: 'Settings' object has no attribute 'weight'
