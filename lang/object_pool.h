// Memory for VM objects (Obj and its subclasses): size classes of 16 bytes up to
// kPoolMaxObjectBytes, carved from 64 KiB slabs, with one free list per class. A task step
// allocates and the collector frees thousands of small objects; through malloc that cost more
// than running the bytecode (glibc's fastbins filled up, and the next larger request
// consolidated them all). Slabs are never returned to malloc: the next run in the same process
// (the page re-runs on every edit) reuses them. Built with AddressSanitizer, objects come from
// operator new directly, so that use-after-free is still caught.
#pragma once
#include <cstddef>

namespace interleave::lang {

// Larger objects (code objects) go to operator new.
constexpr size_t kPoolMaxObjectBytes = 256;

void* poolAllocate(size_t bytes);
void poolFree(void* p, size_t bytes);

}  // namespace interleave::lang
