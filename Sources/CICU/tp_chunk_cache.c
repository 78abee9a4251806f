/*
 * tp_chunk_cache.c — the chunk memo's allocation and insertion; lookups are
 * inline in tp_chunk_cache.h.
 */
#include "tp_chunk_cache.h"

#include <stdlib.h>
#include <sys/mman.h>

/* The table is allocated in 2 MB pages where the kernel allows it (transparent huge pages
 * on request): lookups land anywhere in it, and with 4 KB pages nearly every one would also
 * miss the TLB. */
#define HUGE_PAGE (2u << 20)
#define TABLE_BYTES (((size_t)TP_CHUNK_CACHE_SLOTS * sizeof(tp_chunk_slot) + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE)

tp_chunk_cache *tp_chunk_cache_new(void) {
    tp_chunk_cache *cache = calloc(1, sizeof(tp_chunk_cache));
    if (!cache) return NULL;
    /* Fresh anonymous pages are zero (every slot empty) and cost nothing until touched: a
     * short run does not pay for the whole table. One extra huge page leaves room to align. */
    void *mapped = mmap(NULL, TABLE_BYTES + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) {
        free(cache);
        return NULL;
    }
    cache->mapping = mapped;
    cache->slots = (tp_chunk_slot *)(((uintptr_t)mapped + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE);
#ifdef MADV_HUGEPAGE
    madvise(cache->slots, TABLE_BYTES, MADV_HUGEPAGE);
#endif
    return cache;
}

void tp_chunk_cache_free(tp_chunk_cache *cache) {
    if (!cache) return;
    munmap(cache->mapping, TABLE_BYTES + HUGE_PAGE);
    free(cache);
}

void tp_chunk_cache_insert(tp_chunk_cache *cache, const uint8_t *key, uint32_t len, uint64_t hash,
                           const tp_cached_token *tokens, uint32_t count) {
    if (len > TP_CHUNK_CACHE_MAX_KEY || count > TP_CHUNK_CACHE_MAX_TOKENS) return;
    if (cache->entries == TP_CHUNK_CACHE_ENTRIES) {
        memset(cache->slots, 0, TP_CHUNK_CACHE_SLOTS * sizeof(tp_chunk_slot));
        cache->entries = 0;
    }
    uint32_t index = tp_chunk_home(hash);
    while (cache->slots[index].tag != 0) index = index + 1 == TP_CHUNK_CACHE_SLOTS ? 0 : index + 1;
    tp_chunk_slot *slot = &cache->slots[index];
    memset(slot, 0, sizeof(tp_chunk_slot));
    slot->tag = tp_chunk_tag(hash);
    slot->key_len = (uint8_t)len;
    slot->token_count = (uint8_t)count;
    memcpy(slot->key, key, len);
    memcpy(slot->tokens, tokens, count * sizeof(tp_cached_token));
    cache->entries++;
}
