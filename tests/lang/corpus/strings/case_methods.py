s = "hello World of PYTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ABC".isupper(), "abc".islower(), "Abc".isupper(), "123".isupper())
print("héllo".upper(), "ÉCOLE".lower())
print("MiXeD".lower() == "mixed")

# expect: HELLO WORLD OF PYTHON
# expect: hello world of python
# expect: Hello World Of Python
# expect: Hello world of python
# expect: HELLO wORLD OF python
# expect: True True False False
# expect: HÉLLO école
# expect: True
