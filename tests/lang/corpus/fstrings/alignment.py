s = "hi"
print(f"[{s:>10}]")
print(f"[{s:<10}]")
print(f"[{s:^10}]")
print(f"[{s:*^10}]")
print(f"[{s:->9}]")
print(f"[{42:>8}] [{42:<8}] [{42:^8}]")
print(f"[{42:08}] [{-42:08}] [{42:=+8}]")
print(f"[{3.5:>8.2f}] [{3.5:<8}]")
for name, qty in [("apples", 3), ("kiwis", 12), ("figs", 100)]:
    print(f"{name:<8}|{qty:>5}|")
print(f"[{'x':1}] [{'toolong':3}]")

# expect: [        hi]
# expect: [hi        ]
# expect: [    hi    ]
# expect: [****hi****]
# expect: [-------hi]
# expect: [      42] [42      ] [   42   ]
# expect: [00000042] [-0000042] [+     42]
# expect: [    3.50] [3.5     ]
# expect: apples  |    3|
# expect: kiwis   |   12|
# expect: figs    |  100|
# expect: [x] [toolong]
