// Intentionally empty: the target only publishes libFuzzer's declaration
// (tp_fuzz_driver.h); the definition comes from -sanitize=fuzzer.
#include "tp_fuzz_driver.h"
