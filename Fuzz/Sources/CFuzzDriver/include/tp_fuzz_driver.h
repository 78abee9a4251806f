#ifndef TP_FUZZ_DRIVER_H
#define TP_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have their own main (compiler-rt's
/// FuzzerInterface.h). SwiftPM links a Swift executable with
/// `--defsym main=<module>_main`, so each harness defines that symbol and
/// hands its test function to the driver through this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
