// Cache prefetch hints for hot loops that look up many independent keys in
// tables larger than the CPU caches (the gazetteer vocabulary and trie). Swift
// has no prefetch intrinsic; these inline functions compile to one instruction.
#ifndef TP_PREFETCH_H
#define TP_PREFETCH_H

/// Hints that `address` will be read soon. Never faults, whatever the address.
static inline void tp_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
