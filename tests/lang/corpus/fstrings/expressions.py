def greet(who):
    return "hi " + who

nums = [3, 1, 2]
print(f"{greet('bob')}")
print(f"{sorted(nums)} {sum(nums)} {max(nums)}")
print(f"{'yes' if nums else 'no'}")
print(f"{nums[1] + nums[2]}")
print(f"{'-'.join(str(n) for n in nums)}")
print(f"{[n * 2 for n in nums]}")
print(f"{ {'a': 1}['a'] }")
print(f"{(lambda v: v * 3)(2)}")
print(f"{'abc'.upper()} {'  x '.strip()!r}")
i = 5
print(f"{i}{i}{i}", f"{i}" + f"{i + 1}")

# expect: hi bob
# expect: [1, 2, 3] 6 3
# expect: yes
# expect: 3
# expect: 3-1-2
# expect: [6, 2, 4]
# expect: 1
# expect: 6
# expect: ABC 'x'
# expect: 555 56
