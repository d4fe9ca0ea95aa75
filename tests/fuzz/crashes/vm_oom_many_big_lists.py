# Found by a manual probe, not by the fuzzer: each list stays under kMaxSequenceLength (64 Mi
# items, ~1 GB), but nothing bounds the heap as a whole. Three of them need ~3 GB: natively with
# `ulimit -v 2000000` the process dies with std::bad_alloc (abort, no Python traceback), and
# vm_fuzz reports an out-of-memory (-rss_limit_mb=2048). CPython raises MemoryError only if the
# machine runs out; the page's wasm heap would abort.
a = [0] * (60 * 1024 * 1024)
b = [1] * (60 * 1024 * 1024)
c = [2] * (60 * 1024 * 1024)
print(len(a) + len(b) + len(c))
