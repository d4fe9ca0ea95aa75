def main():
    print("running main")
    return 0

print("module level, __name__ =", __name__)

if __name__ == "__main__":
    main()
    print("inside guard")

if __name__ != "__main__":
    print("never printed")

# expect: module level, __name__ = __main__
# expect: running main
# expect: inside guard
