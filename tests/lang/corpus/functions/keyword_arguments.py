def box(width, height, fill="#", border=True):
    return f"{width}x{height} fill={fill} border={border}"

print(box(3, 4))
print(box(height=2, width=5))
print(box(1, 2, border=False))
print(box(1, height=9, fill="*"))
try:
    box(1, 2, width=3)
except TypeError as e:
    print("TypeError:", e)
try:
    box(1, 2, colour="red")
except TypeError as e:
    print("TypeError:", e)
try:
    box(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], reverse=True), print("x", end="|\n"))

# expect: 3x4 fill=# border=True
# expect: 5x2 fill=# border=True
# expect: 1x2 fill=# border=False
# expect: 1x9 fill=* border=True
# expect: TypeError: box() got multiple values for argument 'width'
# expect: TypeError: box() got an unexpected keyword argument 'colour'
# expect: TypeError: box() missing 1 required positional argument: 'height'
# expect: x|
# expect: [3, 2, 1] None
