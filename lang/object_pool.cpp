#include "object_pool.h"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define INTERLEAVE_POOL_DISABLED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define INTERLEAVE_POOL_DISABLED 1
#endif
#endif

namespace interleave::lang {

namespace {
constexpr size_t kGranule = 16;  // malloc's alignment on 64-bit hosts; every Obj needs <= 16
constexpr size_t kClasses = kPoolMaxObjectBytes / kGranule;
// Big enough that taking a slab is rare, small enough that a short program does not touch
// much memory it never uses.
constexpr size_t kSlabBytes = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

// One pool per host thread (there is one today; a Vm never migrates between threads).
struct Pool {
  FreeBlock* free[kClasses] = {};
  char* bump = nullptr;  // the unused tail of the newest slab
  char* bumpEnd = nullptr;
};
thread_local Pool pool;

size_t classOf(size_t bytes) { return (bytes + kGranule - 1) / kGranule - 1; }
}  // namespace

void* poolAllocate(size_t bytes) {
#ifdef INTERLEAVE_POOL_DISABLED
  return ::operator new(bytes);
#else
  if (bytes == 0 || bytes > kPoolMaxObjectBytes) return ::operator new(bytes);
  size_t c = classOf(bytes);
  if (FreeBlock* b = pool.free[c]) {
    pool.free[c] = b->next;
    return b;
  }
  size_t size = (c + 1) * kGranule;
  if (static_cast<size_t>(pool.bumpEnd - pool.bump) < size) {
    // The old slab's tail (< 256 bytes) is left unused.
    pool.bump = static_cast<char*>(std::malloc(kSlabBytes));
    if (!pool.bump) throw std::bad_alloc();
    pool.bumpEnd = pool.bump + kSlabBytes;
  }
  void* p = pool.bump;
  pool.bump += size;
  return p;
#endif
}

void poolFree(void* p, size_t bytes) {
  if (!p) return;
#ifdef INTERLEAVE_POOL_DISABLED
  ::operator delete(p);
#else
  if (bytes == 0 || bytes > kPoolMaxObjectBytes) {
    ::operator delete(p);
    return;
  }
  auto* b = static_cast<FreeBlock*>(p);
  size_t c = classOf(bytes);
  b->next = pool.free[c];
  pool.free[c] = b;
#endif
}

}  // namespace interleave::lang
