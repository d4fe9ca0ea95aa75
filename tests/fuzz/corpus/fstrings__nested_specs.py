value = 3.14159
for width in (6, 10):
    for precision in (1, 3):
        print(f"[{value:{width}.{precision}f}]")
align = "^"
fill = 12
print(f"[{'mid':{align}{fill}}]")
spec = ".2%"
print(f"{0.4567:{spec}}")
print(f"{'x' if value > 3 else 'y':>4}")

# expect: [   3.1]
# expect: [ 3.142]
# expect: [       3.1]
# expect: [     3.142]
# expect: [    mid     ]
# expect: 45.67%
# expect:    x
