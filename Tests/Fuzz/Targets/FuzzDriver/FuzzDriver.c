#include "FuzzDriver.h"

// Declared by libFuzzer (linked by -sanitize=fuzzer), not in any header it installs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

int podium_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size)) {
  return LLVMFuzzerRunDriver(&argc, &argv, test_one_input);
}
