print("apple" < "banana", "apple" < "Apple", "a" < "aa")
print("abc" == "abc", "abc" != "ABC", "abc".upper() == "ABC")
words = ["pear", "Apple", "banana", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words, key=len))
print("10" < "9", 10 < 9)

# expect: True False True
# expect: True True True
# expect: ['Apple', 'Banana', 'apple', 'banana', 'pear']
# expect: ['Apple', 'apple', 'banana', 'Banana', 'pear']
# expect: ['pear', 'Apple', 'apple', 'banana', 'Banana']
# expect: pear pear
# expect: True False
