import sys

def load_config(path):
    print("loading", path)
    sys.exit("fatal: configuration missing")

load_config("settings.ini")
print("not reached")

# expect: loading settings.ini
# expect-stderr: fatal: configuration missing
# expect-exit: 1
