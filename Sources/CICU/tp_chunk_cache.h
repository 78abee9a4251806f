/*
 * tp_chunk_cache.h — a per-worker memo of the tokens of short text chunks.
 * Private to CICU (not under include/): no ICU types, no Swift surface.
 *
 * Word tokenization cuts a text into chunks at positions where UAX #29
 * always breaks (see next_chunk_end in tp_icu.c). A chunk's tokens then
 * depend on its bytes alone, so the tokens ICU found for a chunk once are
 * the tokens of every later copy of it. Chunks of ASCII only are tokenized
 * without ICU (tp_ascii_words.h), and so are chunks whose only other
 * characters are the quotes and dashes of news text; the others are mostly
 * the same few thousand ("café", "£300"), so most of them are
 * answered from this table without running ICU.
 *
 * The table is bounded: when it holds TP_CHUNK_CACHE_ENTRIES chunks it is
 * emptied and refilled, so memory stays flat (4 MB) over any stream, and
 * the tokens written never depend on what the table held.
 *
 * Open addressing with linear probing, at most three quarters full. A slot
 * is 32 bytes, half a cache line, holding the chunk's bytes and its tokens,
 * so a lookup that hits reads one line. Chunks of news text are short: in
 * the corpus 99.9% have at most 16 bytes. The lookup functions are inline:
 * they run per chunk.
 */
#ifndef TP_CHUNK_CACHE_H
#define TP_CHUNK_CACHE_H

#include <stdint.h>
#include <string.h>

/** Longest chunk (in bytes) the table stores; longer chunks always go to ICU. */
#define TP_CHUNK_CACHE_MAX_KEY 16
/** Most tokens of a chunk the table stores; chunks with more always go to ICU. */
#define TP_CHUNK_CACHE_MAX_TOKENS 5
/** Chunks held before the table is emptied. */
#define TP_CHUNK_CACHE_ENTRIES 98304u
#define TP_CHUNK_CACHE_SLOTS (TP_CHUNK_CACHE_ENTRIES / 3u * 4u)

/** One token of a cached chunk: its start and end byte inside the chunk (0…16, five bits
 * each) and its kind (three bits), packed as `start | end << 5 | kind << 10`. */
typedef uint16_t tp_cached_token;

static inline tp_cached_token tp_cached_token_make(uint32_t start, uint32_t end, uint32_t kind) {
    return (tp_cached_token)(start | end << 5 | kind << 10);
}
static inline uint32_t tp_cached_token_start(tp_cached_token token) { return token & 31u; }
static inline uint32_t tp_cached_token_end(tp_cached_token token) { return (token >> 5) & 31u; }
static inline uint32_t tp_cached_token_kind(tp_cached_token token) { return (token >> 10) & 7u; }

typedef struct {
    /* Upper hash bits with the lowest bit set; 0 marks an empty slot. */
    uint32_t tag;
    uint8_t key_len;
    uint8_t token_count;
    /* The chunk's bytes, zero-padded. */
    uint8_t key[TP_CHUNK_CACHE_MAX_KEY];
    tp_cached_token tokens[TP_CHUNK_CACHE_MAX_TOKENS];
} tp_chunk_slot;

_Static_assert(sizeof(tp_chunk_slot) == 32, "a slot is half a cache line");

typedef struct {
    tp_chunk_slot *slots;
    uint32_t entries;
    /* The anonymous mapping that holds the slots (aligned inside it to a huge page). */
    void *mapping;
} tp_chunk_cache;

/** A new empty table, or NULL when out of memory. */
tp_chunk_cache *tp_chunk_cache_new(void);

/** Releases the table. NULL is accepted. */
void tp_chunk_cache_free(tp_chunk_cache *cache);

/**
 * Stores the tokens of `key` (absent from the table), unless the chunk is
 * longer than TP_CHUNK_CACHE_MAX_KEY bytes or has more than
 * TP_CHUNK_CACHE_MAX_TOKENS tokens. Offsets are at most `len`. Empties the
 * table first when it is full.
 */
void tp_chunk_cache_insert(tp_chunk_cache *cache, const uint8_t *key, uint32_t len, uint64_t hash,
                           const tp_cached_token *tokens, uint32_t count);

/* The bytes of `key` from `at` on, at most 8, as a little-endian word, zero
 * past `len`; reads a whole word when it lies within `readable` bytes. */
static inline uint64_t tp_chunk_word(const uint8_t *key, uint32_t at, uint32_t len, int64_t readable) {
    uint64_t word = 0;
    uint32_t left = len - at;
    if ((int64_t)at + 8 <= readable) {
        memcpy(&word, key + at, 8);
        if (left < 8) word &= (~0ull) >> (8 * (8 - left));
    } else {
        for (uint32_t i = 0; i < left && i < 8; i++) word |= (uint64_t)key[at + i] << (8 * i);
    }
    return word;
}

/**
 * The hash of the `len` bytes at `key`, of which `readable` (at least `len`)
 * may be read: whole words are loaded where they fit, and masked.
 */
static inline uint64_t tp_chunk_hash(const uint8_t *key, uint32_t len, int64_t readable) {
    uint64_t hash = 0x243F6A8885A308D3ull ^ ((uint64_t)len * 0xC2B2AE3D27D4EB4Full);
    for (uint32_t at = 0; at < len; at += 8) {
        hash = (hash ^ tp_chunk_word(key, at, len, readable)) * 0x9E3779B97F4A7C15ull;
        hash ^= hash >> 29;
    }
    hash ^= hash >> 32;
    return hash * 0xD6E8FEB86659FD93ull;
}

static inline uint32_t tp_chunk_tag(uint64_t hash) { return (uint32_t)(hash >> 32) | 1u; }

/* The slot where probing for `hash` starts. */
static inline uint32_t tp_chunk_home(uint64_t hash) {
    return (uint32_t)(((hash & 0xFFFFFFFFull) * TP_CHUNK_CACHE_SLOTS) >> 32);
}

/** Hints the processor to load the slot where a lookup of `hash` starts. */
static inline void tp_chunk_cache_prefetch(const tp_chunk_cache *cache, uint64_t hash) {
    __builtin_prefetch(&cache->slots[tp_chunk_home(hash)]);
}

/**
 * The tokens cached for `key` (`len` bytes of the `readable` at `key`, hash
 * `hash`), with their number in `*count`, or NULL when the chunk is not
 * cached. The pointer is valid until the next insertion.
 */
static inline const tp_cached_token *tp_chunk_cache_find(const tp_chunk_cache *cache, const uint8_t *key, uint32_t len,
                                                         int64_t readable, uint64_t hash, uint32_t *count) {
    if (len > TP_CHUNK_CACHE_MAX_KEY) return NULL;
    uint32_t tag = tp_chunk_tag(hash);
    for (uint32_t index = tp_chunk_home(hash);; index = index + 1 == TP_CHUNK_CACHE_SLOTS ? 0 : index + 1) {
        const tp_chunk_slot *slot = &cache->slots[index];
        if (slot->tag == 0) return NULL;
        if (slot->tag != tag || slot->key_len != len) continue;
        uint64_t first, second;
        memcpy(&first, slot->key, 8);
        memcpy(&second, slot->key + 8, 8);
        if (first == tp_chunk_word(key, 0, len, readable) && (len <= 8 || second == tp_chunk_word(key, 8, len, readable))) {
            *count = slot->token_count;
            return slot->tokens;
        }
    }
}

#endif
