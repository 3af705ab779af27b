#include "CPodiumSystem.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void podium_release_free_memory(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void podium_map_large_blocks(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}
