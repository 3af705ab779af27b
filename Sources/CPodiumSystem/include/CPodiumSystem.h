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

/// Whether the folder at `path` is the root of a mount (a disk, a network share, a container's
/// volume): 1 if it is, 0 if not, -1 when it can't be told. Such a folder can't be renamed, so
/// a build can't swap it with its staging folder.
int podium_is_mount_point(const char *path);

#endif
