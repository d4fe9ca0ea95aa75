import sys

for i in range(3):
    print("line", i)
print("to stderr", file=sys.stderr)
raise SystemExit(3)

# expect: line 0
# expect: line 1
# expect: line 2
# expect-stderr: to stderr
# expect-exit: 3
