count = 20
elapsed = 1.23456
print(f'''
Number of items processed: {count}
Time taken: {elapsed:.2f}
##########################
''')
rows = [("a", 1), ("b", 22)]
report = "\n".join(f"{k:>3}: {v:<4}|" for k, v in rows)
print(report)
msg = (f"first {count} "
       f"second {elapsed:.1f}")
print(msg)

# expect:
# expect: Number of items processed: 20
# expect: Time taken: 1.23
# expect: ##########################
# expect:
# expect:   a: 1   |
# expect:   b: 22  |
# expect: first 20 second 1.2
