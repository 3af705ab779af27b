#ifndef CPODIUMSYSTEM_H
#define CPODIUMSYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set; ENOSYS/EINVAL where the kernel or
/// file system cannot exchange, so the caller can fall back.
int podium_exchange_paths(const char *first, const char *second);

/// Renames `from` to `to` only when nothing is at `to` (Linux renameat2 with RENAME_NOREPLACE):
/// 0 on success, or -1 with errno set (EEXIST when `to` exists; ENOSYS/EINVAL where the kernel
/// or file system can't).
int podium_rename_noreplace(const char *from, const char *to);

/// Hands memory that has been freed back to the system (glibc's malloc_trim; nothing
/// elsewhere). Worker threads' malloc arenas keep what they freed, so one step's garbage
/// would otherwise add to the next step's peak.
void podium_release_free_memory(void);

/// Gives every block of 1 MiB or more a mapping of its own, handed back to the system as soon as
/// it is freed (glibc's M_MMAP_THRESHOLD; nothing elsewhere). By default glibc raises that
/// threshold each time it frees a mapped block, up to 32 MiB, so the large arrays a build grows
/// and lets go of (the episodes, the record, a feed's source map) end up in the heap, where what
/// they leave is still held at the next step's peak (docs/performance.md).
void podium_map_large_blocks(void);

/// Whether the folder at `path` is the root of a mount (a disk, a network share, a container's
/// volume): 1 if it is, 0 if not, -1 when it can't be told. Such a folder can't be renamed, so
/// a build can't swap it with its staging folder.
int podium_is_mount_point(const char *path);

#endif
