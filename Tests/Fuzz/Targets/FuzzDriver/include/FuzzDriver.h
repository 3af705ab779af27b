#ifndef PODIUM_FUZZ_DRIVER_H
#define PODIUM_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for a program with its own main: SwiftPM gives every executable target its own
/// main (renamed, on Linux, to `<Target>_main`), so libFuzzer's main cannot be the program's.
/// https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library
int podium_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));
#endif
