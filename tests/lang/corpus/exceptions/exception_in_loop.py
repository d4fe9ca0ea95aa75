data = ["10", "0", "abc", "5", None]
total = 0
errors = []
for item in data:
    try:
        total += 100 // int(item)
    except ZeroDivisionError:
        errors.append("zero")
        continue
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
        continue
    print("processed", item)
print(total, errors)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)

# expect: processed 10
# expect: processed 5
# expect: 30 ['zero', 'ValueError', 'TypeError']
# expect: retry: attempt 1 failed
# expect: retry: attempt 2 failed
# expect: succeeded after 3
