s = "one two one three one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print(s.replace(" ", ""))
print(s.find("two"), s.find("four"), s.find("one", 1))
print(s.rfind("one"), s.index("three"))
print(s.count("one"), s.count("o"), s.count(""))
try:
    s.index("four")
except ValueError as e:
    print("ValueError:", e)
print("abc".replace("", "-"))

# expect: 1 two 1 three 1
# expect: 1 two 1 three one
# expect: onetwoonethreeone
# expect: 4 -1 8
# expect: 18 12
# expect: 3 4 22
# expect: ValueError: substring not found
# expect: -a-b-c-
