huge = 10 ** 5000
print(huge.bit_length())
try:
    s = str(huge)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)))
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)

# expect: 16610
# expect: ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect: 4300
# expect: ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
