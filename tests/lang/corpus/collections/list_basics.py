lst = [3, 1, 4]
lst.append(1)
print(lst)
lst.extend([5, 9])
lst.extend(range(2))
print(lst)
lst.insert(0, "start")
lst.insert(100, "end")
lst.insert(-1, "before-end")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(2))
print(lst)
lst.remove(1)
print(lst)
lst.clear()
print(lst, len(lst))

# expect: [3, 1, 4, 1]
# expect: [3, 1, 4, 1, 5, 9, 0, 1]
# expect: ['start', 3, 1, 4, 1, 5, 9, 0, 1, 'before-end', 'end']
# expect: end start 4
# expect: [3, 1, 1, 5, 9, 0, 1, 'before-end']
# expect: [3, 1, 5, 9, 0, 1, 'before-end']
# expect: [] 0
