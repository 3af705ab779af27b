#ifndef CPODIUMSYSTEM_H
#define CPODIUMSYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set; ENOSYS/EINVAL where the kernel or
/// file system cannot exchange, so the caller can fall back.
int podium_exchange_paths(const char *first, const char *second);

/// Hands memory that has been freed back to the system (glibc's malloc_trim; nothing
/// elsewhere). Worker threads' malloc arenas keep what they freed, so one step's garbage
/// would otherwise add to the next step's peak.
void podium_release_free_memory(void);

#endif
