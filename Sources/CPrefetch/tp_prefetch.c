// The target's only code is the inline function in include/tp_prefetch.h;
// SwiftPM needs one source file to build a C target.
#include "tp_prefetch.h"
