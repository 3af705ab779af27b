#define _GNU_SOURCE
#include "CPodiumSystem.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>
#endif
#if !defined(RENAME_EXCHANGE)
/* Linux's values (include/uapi/linux/fs.h), for systems without them: renameat2 is refused there. */
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#endif

/* renameat2(2) with `flags` (https://man7.org/linux/man-pages/man2/rename.2.html), through
   syscall(2): older C libraries have no wrapper. ENOSYS where the kernel or system has none. */
static int podium_renameat2(const char *from, const char *to, unsigned int flags) {
#if defined(__linux__) && defined(SYS_renameat2)
  return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
#else
  (void)from;
  (void)to;
  (void)flags;
  errno = ENOSYS;
  return -1;
#endif
}

int podium_exchange_paths(const char *first, const char *second) {
  return podium_renameat2(first, second, RENAME_EXCHANGE);
}

int podium_rename_noreplace(const char *from, const char *to) {
  return podium_renameat2(from, to, RENAME_NOREPLACE);
}
