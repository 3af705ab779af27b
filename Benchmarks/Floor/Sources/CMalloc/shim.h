// glibc's mallinfo2, to tell the heap in use from what malloc keeps: <malloc.h> is not in Swift's Glibc module.
#include <malloc.h>
