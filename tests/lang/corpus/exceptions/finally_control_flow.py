def returns_in_finally():
    try:
        return "try"
    finally:
        print("cleanup before return")

print(returns_in_finally())

def overrides():
    try:
        return "try"
    finally:
        return "finally wins"

print(overrides())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"

print(swallow())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)

# expect: cleanup before return
# expect: try
# expect: finally wins
# expect: finally swallowed the exception
# expect: body 0
# expect: finally 0
# expect: finally 1
# expect: finally 2
