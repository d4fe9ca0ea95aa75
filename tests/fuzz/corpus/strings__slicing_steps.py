s = "abcdefghij"
print(s[::2], s[1::2], s[::3])
print(s[::-1], s[::-2], s[-1:-4:-1])
print(s[8:2:-2], s[2:8:-1] == "")
nums = list(range(10))
print(nums[::2], nums[::-3])
print(nums[7:1:-2])
print("racecar" == "racecar"[::-1], "python"[::-1])
print(nums[1:6:2], nums[-1:-6:-2])

# expect: acegi bdfhj adgj
# expect: jihgfedcba jhfdb jih
# expect: ige True
# expect: [0, 2, 4, 6, 8] [9, 6, 3, 0]
# expect: [7, 5, 3]
# expect: True nohtyp
# expect: [1, 3, 5] [9, 7, 5]
