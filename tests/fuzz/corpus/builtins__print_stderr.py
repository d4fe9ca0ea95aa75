import sys

print("to stdout 1")
print("to stderr 1", file=sys.stderr)
print("to stdout 2", file=sys.stdout)
print("warning:", 42, file=sys.stderr, sep=" ")
print("multi", "part", sep="+", file=sys.stderr)
print("done")

# expect: to stdout 1
# expect: to stdout 2
# expect: done
# expect-stderr: to stderr 1
# expect-stderr: warning: 42
# expect-stderr: multi+part
