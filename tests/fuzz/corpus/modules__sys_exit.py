import sys

def main():
    print("doing work")
    sys.exit(2)

try:
    sys.exit("caught message")
except SystemExit as e:
    print("SystemExit caught:", e.code)
main()
print("not reached")

# expect: SystemExit caught: caught message
# expect: doing work
# expect-exit: 2
