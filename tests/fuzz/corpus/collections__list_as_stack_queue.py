stack = []
for item in "abc":
    stack.append(item)
while stack:
    print("pop", stack.pop())
queue = [1, 2, 3]
queue.append(4)
while queue:
    print("dequeue", queue.pop(0))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)

# expect: pop c
# expect: pop b
# expect: pop a
# expect: dequeue 1
# expect: dequeue 2
# expect: dequeue 3
# expect: dequeue 4
# expect: IndexError: pop from empty list
