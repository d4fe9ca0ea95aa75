# vm_fuzz timeout (minimised): the printed size of `nested` doubles at every level (each list
# holds its child twice), so repr() runs inside one uninterruptible builtin. Since 9cb10d3 it
# ends with MemoryError at kMaxSequenceLength, after ~2.5 s natively (~37 s with ASan).
nested = []
current = nested
for _ in range(50):
    inner = []
    current.append(inner)
    current.append(inner)
    current = inner
print(len(repr(nested)))
