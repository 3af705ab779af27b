#define _GNU_SOURCE
#include "CPodiumSystem.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int podium_is_mount_point(const char *path) {
#if defined(__linux__) && defined(STATX_ATTR_MOUNT_ROOT)
  struct statx info;
  if (statx(AT_FDCWD, path, AT_NO_AUTOMOUNT, 0, &info) == 0 && (info.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT)) {
    return (info.stx_attributes & STATX_ATTR_MOUNT_ROOT) ? 1 : 0;
  }
#endif
  // Without statx's answer: a folder on another device than its parent is the root of a mount
  // (a bind mount of a folder on the same device is not seen).
  struct stat folder, parent;
  if (stat(path, &folder) != 0) return -1;
  size_t length = strlen(path);
  char *above = malloc(length + 4);
  if (above == NULL) return -1;
  memcpy(above, path, length);
  memcpy(above + length, "/..", 4);
  int found = stat(above, &parent);
  free(above);
  if (found != 0) return -1;
  return folder.st_dev != parent.st_dev ? 1 : 0;
}
