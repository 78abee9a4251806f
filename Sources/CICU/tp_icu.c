/*
 * tp_icu.c — implementation of the ICU bridge. See include/tp_icu.h.
 * This is the only translation unit in TextPipeline that includes ICU.
 */
#include "tp_icu.h"
#include "tp_ascii_words.h"
#include "tp_chunk_cache.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

struct tp_breaker {
    UBreakIterator *iterator;
    int sentence;
    /* UTF-16 copy of the current text and, per UTF-16 unit, its UTF-8 offset. */
    UChar *units;
    int32_t *unit_to_byte;
    int32_t units_cap;
    /* >= 0: the whole loaded text is ASCII and offsets are the identity; -1: use unit_to_byte. */
    int32_t ascii_prefix;
    /* Outputs. */
    int32_t *starts;
    int32_t *ends;
    uint8_t *kinds;
    int32_t out_cap;
    /* Word breakers: the tokens of chunks seen before (created on first use). */
    tp_chunk_cache *chunks;
    /* Word breakers: whether the locale's rules are ICU's root rules, and whether
     * ASCII text is then tokenized by tp_ascii_words.h instead of ICU. */
    int root_rules;
    int ascii_words;
};

static int grow_units(tp_breaker *b, int64_t needed) {
    if (needed <= b->units_cap) return 1;
    if (needed > INT32_MAX - 1) return 0;
    int64_t cap = b->units_cap ? b->units_cap : 1024;
    while (cap < needed) cap *= 2;
    if (cap > INT32_MAX - 1) cap = INT32_MAX - 1;
    UChar *u = realloc(b->units, (size_t)cap * sizeof(UChar));
    if (!u) return 0;
    b->units = u;
    int32_t *m = realloc(b->unit_to_byte, (size_t)(cap + 1) * sizeof(int32_t));
    if (!m) return 0;
    b->unit_to_byte = m;
    b->units_cap = (int32_t)cap;
    return 1;
}

static int grow_outputs(tp_breaker *b, int32_t needed) {
    if (needed <= b->out_cap) return 1;
    int64_t cap = b->out_cap ? b->out_cap : 256;
    while (cap < needed) cap *= 2;
    if (cap > INT32_MAX) cap = INT32_MAX;
    int32_t *s = realloc(b->starts, (size_t)cap * sizeof(int32_t));
    if (!s) return 0;
    b->starts = s;
    int32_t *e = realloc(b->ends, (size_t)cap * sizeof(int32_t));
    if (!e) return 0;
    b->ends = e;
    uint8_t *k = realloc(b->kinds, (size_t)cap);
    if (!k) return 0;
    b->kinds = k;
    b->out_cap = (int32_t)cap;
    return 1;
}

static int is_line_terminator(UChar32 c) {
    return c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/*
 * Converts UTF-8 to UTF-16 into b->units, recording each unit's byte offset
 * in b->unit_to_byte. While the text is pure ASCII no offsets are recorded
 * (unit index == byte offset); b->ascii_prefix says how far that holds.
 * Returns the number of UTF-16 units, or -1. Malformed bytes become U+FFFD.
 */
static int32_t load_text(tp_breaker *b, const uint8_t *text, int64_t len, int lines_as_spaces) {
    if (len < 0 || len > INT32_MAX / 2) return -1;
    if (!grow_units(b, len + 1)) return -1;
    int32_t i = 0, n = 0, length = (int32_t)len;
    UChar *units = b->units;
    int32_t *map = b->unit_to_byte;
    /* ASCII prefix: no offsets to record. */
    if (lines_as_spaces) {
        while (i < length && text[i] < 0x80) {
            uint8_t byte = text[i];
            units[i] = (byte >= 0x0A && byte <= 0x0D) ? 0x20 : byte;
            i++;
        }
    } else {
        while (i < length && text[i] < 0x80) { units[i] = text[i]; i++; }
    }
    b->ascii_prefix = i;
    n = i;
    if (i == length) return n;
    for (int32_t k = 0; k < i; k++) map[k] = k;
    while (i < length) {
        uint8_t byte = text[i];
        if (byte < 0x80) {
            map[n] = i;
            units[n++] = (lines_as_spaces && byte >= 0x0A && byte <= 0x0D) ? 0x20 : byte;
            i++;
            continue;
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, length, c);
        if (c < 0) c = 0xFFFD;
        if (lines_as_spaces && is_line_terminator(c)) c = 0x20;
        if (c <= 0xFFFF) {
            map[n] = start;
            units[n++] = (UChar)c;
        } else {
            map[n] = start;
            units[n++] = U16_LEAD(c);
            map[n] = start;
            units[n++] = U16_TRAIL(c);
        }
    }
    map[n] = length;
    b->ascii_prefix = -1;
    return n;
}

/* The UTF-8 offset of UTF-16 unit `unit` of the loaded text. */
static inline int32_t byte_offset(const tp_breaker *b, int32_t unit) {
    return b->ascii_prefix >= 0 ? unit : b->unit_to_byte[unit];
}

tp_breaker *tp_breaker_open(int sentence, const char *locale, char *error, size_t error_len) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(sentence ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || !it) {
        if (error && error_len) snprintf(error, error_len, "ICU could not open a %s break iterator for locale '%s': %s",
                                         sentence ? "sentence" : "word", locale ? locale : "", u_errorName(status));
        if (it) ubrk_close(it);
        return NULL;
    }
    tp_breaker *b = calloc(1, sizeof(tp_breaker));
    if (!b) { ubrk_close(it); return NULL; }
    b->iterator = it;
    b->sentence = sentence;
    /* Tailored word rules (fi, sv, en_US_POSIX) come from their own data. */
    status = U_ZERO_ERROR;
    const char *rules_locale = ubrk_getLocaleByType(it, ULOC_ACTUAL_LOCALE, &status);
    b->root_rules = !sentence && U_SUCCESS(status) && rules_locale && strcmp(rules_locale, "root") == 0;
    b->ascii_words = b->root_rules;
    return b;
}

tp_breaker *tp_breaker_clone(const tp_breaker *template_breaker) {
    if (!template_breaker) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(template_breaker->iterator, &status);
    if (U_FAILURE(status) || !it) return NULL;
    tp_breaker *b = calloc(1, sizeof(tp_breaker));
    if (!b) { ubrk_close(it); return NULL; }
    b->iterator = it;
    b->sentence = template_breaker->sentence;
    b->root_rules = template_breaker->root_rules;
    b->ascii_words = template_breaker->ascii_words;
    return b;
}

void tp_breaker_close(tp_breaker *b) {
    if (!b) return;
    ubrk_close(b->iterator);
    tp_chunk_cache_free(b->chunks);
    free(b->units);
    free(b->unit_to_byte);
    free(b->starts);
    free(b->ends);
    free(b->kinds);
    free(b);
}

/* Kind of a segment whose rule status is UBRK_WORD_NONE, from its first code point;
 * returns -1 for white space (not a token). */
static int kind_of_untagged(const UChar *units, int32_t start, int32_t end) {
    UChar first = units[start];
    /* The general categories of ASCII are fixed. */
    if (first < 0x80) return tp_ascii_untagged_kind((uint8_t)first);
    UChar32 c;
    int32_t i = start;
    U16_NEXT(units, i, end, c);
    if (u_isUWhiteSpace(c) || is_line_terminator(c)) return -1;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION))
        return TP_TOKEN_EMOJI;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        /* Text-default pictographs (©, ☺) count as emoji only with VS16. */
        for (int32_t j = i; j < end; j++) if (units[j] == 0xFE0F) return TP_TOKEN_EMOJI;
    }
    if (u_ispunct(c)) return TP_TOKEN_PUNCTUATION;
    int8_t type = u_charType(c);
    if (type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL || type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL)
        return TP_TOKEN_SYMBOL;
    if (u_isdigit(c)) return TP_TOKEN_NUMBER;
    if (u_isalpha(c)) return TP_TOKEN_WORD;
    return TP_TOKEN_OTHER;
}

/* ICU's CJK dictionary engine tags every word it finds as ideographic;
 * a word written in kana is kana. */
static int kind_of_dictionary_word(const UChar *units, int32_t start, int32_t end) {
    UChar32 c;
    int32_t i = start;
    U16_NEXT(units, i, end, c);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)) return TP_TOKEN_KANA;
    if (c == 0x30FC) return TP_TOKEN_KANA; /* prolonged sound mark (script Common) */
    return TP_TOKEN_IDEOGRAPHIC;
}

static int kind_of_status(int32_t status) {
    if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return TP_TOKEN_IDEOGRAPHIC;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return TP_TOKEN_KANA;
    if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return TP_TOKEN_WORD;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return TP_TOKEN_NUMBER;
    return -2; /* untagged */
}

static int is_ascii_lower(UChar c) { return c >= 'a' && c <= 'z'; }
static int is_ascii_upper(UChar c) { return c >= 'A' && c <= 'Z'; }
static int is_ascii_letter(UChar c) { return is_ascii_lower(c) || is_ascii_upper(c); }

/* Whether the white-space delimited chunk around a run-together candidate
 * looks like an address, a path or a domain rather than words: it holds '@',
 * '/', ':', '_' or '=', or another full stop followed by a letter. Looks at
 * most 64 units on from `from`. */
static int chunk_is_address(const UChar *units, int32_t from, int32_t limit) {
    for (int32_t j = from; j < limit && j < from + 64; j++) {
        UChar c = units[j];
        if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0) return 0;
        if (c == '@' || c == '/' || c == ':' || c == '_' || c == '=') return 1;
        if ((c == '.' || c == 0xFF0E) && j + 1 < limit && is_ascii_letter(units[j + 1])) return 1;
    }
    return 0;
}

/*
 * Where a UAX #29 word token is really two sentences run together with no
 * space ("world.Today", "period\uFF0EDoes"): returns the unit index of the
 * full stop (U+002E or U+FF0E), or -1. The token must start a white-space
 * delimited chunk, its letters before the stop must be at least two ASCII
 * letters with the last two lower case ("world", "Tuesday", not "U.S" or
 * "e.g"), the stop must be followed by an upper-case then a lower-case ASCII
 * letter, and the chunk must not look like an address ("Jane.Doe@example.com",
 * "www.Example.com", "docs/Read.Me").
 */
static int32_t run_together_stop(const UChar *units, int32_t start, int32_t end, int32_t limit) {
    if (start > 0) {
        UChar before = units[start - 1];
        if (!(before == ' ' || (before >= 0x09 && before <= 0x0D) || before == '"' || before == '(' || before == 0x201C ||
              before == 0xA0))
            return -1;
    }
    int32_t i = start;
    while (i < end && is_ascii_letter(units[i])) i++;
    if (i - start < 2 || i + 2 >= end || !(units[i] == '.' || units[i] == 0xFF0E)) return -1;
    if (!is_ascii_lower(units[i - 1]) || !is_ascii_lower(units[i - 2])) return -1;
    if (!is_ascii_upper(units[i + 1]) || !is_ascii_lower(units[i + 2])) return -1;
    if (chunk_is_address(units, i + 1, limit)) return -1;
    return i;
}

/* Appends one token given in byte offsets; returns 0 when out of memory. */
static inline int append_token(tp_breaker *b, int32_t *count, int32_t start, int32_t end, int kind) {
    if (*count == b->out_cap && !grow_outputs(b, *count + 1)) return 0;
    b->starts[*count] = start;
    b->ends[*count] = end;
    b->kinds[*count] = (uint8_t)kind;
    (*count)++;
    return 1;
}

/* Appends one token given in UTF-16 units of the text last loaded, its
 * offsets moved by `base` bytes; returns 0 when out of memory. */
static int push_token(tp_breaker *b, int32_t *count, int32_t base, int32_t from, int32_t to, int kind) {
    return append_token(b, count, base + byte_offset(b, from), base + byte_offset(b, to), kind);
}

/* Appends word `from ..< to` (UTF-16 units of the loaded text of `n` units),
 * split where it is two sentences run together; returns 0 when out of memory. */
static int push_word(tp_breaker *b, int32_t *count, int32_t base, int32_t from, int32_t to, int32_t n) {
    /* "world.Today": word, full stop, rest (which may split again). */
    int32_t stop;
    while ((stop = run_together_stop(b->units, from, to, n)) >= 0) {
        if (!push_token(b, count, base, from, stop, TP_TOKEN_WORD)) return 0;
        if (!push_token(b, count, base, stop, stop + 1, TP_TOKEN_PUNCTUATION)) return 0;
        from = stop + 1;
    }
    return push_token(b, count, base, from, to, TP_TOKEN_WORD);
}

/*
 * Runs ICU over `text` (`len` bytes) and appends its tokens to the outputs,
 * from index *count, with offsets moved by `base`. Returns 0 on failure.
 */
static int icu_tokens(tp_breaker *b, const uint8_t *text, int64_t len, int32_t base, int32_t *count) {
    int32_t n = load_text(b, text, len, 0);
    if (n < 0) return 0;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(b->iterator, b->units, n, &status);
    if (U_FAILURE(status)) return 0;
    int32_t previous = ubrk_first(b->iterator);
    for (int32_t next = ubrk_next(b->iterator); next != UBRK_DONE; next = ubrk_next(b->iterator)) {
        int kind = kind_of_status(ubrk_getRuleStatus(b->iterator));
        if (kind == -2) kind = kind_of_untagged(b->units, previous, next);
        if (kind == TP_TOKEN_IDEOGRAPHIC) kind = kind_of_dictionary_word(b->units, previous, next);
        if (kind == TP_TOKEN_WORD) {
            if (!push_word(b, count, base, previous, next, n)) return 0;
        } else if (kind >= 0 && !push_token(b, count, base, previous, next, kind)) return 0;
        previous = next;
    }
    return 1;
}

/* Whether a chunk ends after byte `i` (a line feed, or a space followed by
 * ASCII other than a space). */
static inline int ends_chunk(const uint8_t *text, int64_t i, int64_t len) {
    return text[i] == '\n' || (text[i] == ' ' && i + 1 < len && text[i + 1] != ' ' && text[i + 1] < 0x80);
}

/*
 * Where the chunk that starts at `from` ends: after the next line feed, or
 * at the next ASCII character other than a space that follows a space (or
 * at `len`). UAX #29 always breaks there: after a line feed (WB3a), and
 * between a space and what follows it unless that is another space (WB3d)
 * or a combining mark, format character or ZWJ (WB4), none of them ASCII.
 * No rule looks across such a break, so the tokens of a chunk depend on its
 * bytes alone, and so do this file's refinements of them: run_together_stop
 * looks at most back to white space and forward to white space.
 */
static inline int64_t next_chunk_end(const uint8_t *text, int64_t from, int64_t len) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    int64_t i = from;
    /* Eight bytes at a time: the lowest flagged byte of `candidates` is the
     * first space or line feed; higher flags may be false and are checked. */
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, text + i, 8);
        uint64_t spaces = word ^ (ones * ' '), feeds = word ^ (ones * '\n');
        uint64_t candidates = ((spaces - ones) & ~spaces & highs) | ((feeds - ones) & ~feeds & highs);
        for (; candidates; candidates &= candidates - 1) {
            int64_t j = i + (__builtin_ctzll(candidates) >> 3);
            if (ends_chunk(text, j, len)) return j + 1;
        }
    }
    for (; i < len; i++) {
        if (ends_chunk(text, i, len)) return i + 1;
    }
    return len;
}

/* One chunk: bytes `from ..< to` of the text, of which `from ..< end` are
 * its key (the chunk without trailing spaces, which make no tokens). */
typedef struct {
    int64_t from;
    int64_t to;
    int64_t end;
    uint64_t hash;
    /* TP_TOKEN_WORD when the key is ASCII letters only, TP_TOKEN_NUMBER when
     * it is ASCII digits only (the key is then one token: UAX #29 WB5, WB8),
     * otherwise -1. */
    int plain;
} chunk;

/* TP_TOKEN_WORD, TP_TOKEN_NUMBER or -1, as chunk.plain says. */
static inline int plain_kind(const uint8_t *key, int64_t count) {
    int letters = 1, digits = 1;
    for (int64_t i = 0; i < count && (letters || digits); i++) {
        uint8_t byte = key[i];
        letters &= (uint8_t)((byte | 0x20) - 'a') < 26;
        digits &= (uint8_t)(byte - '0') < 10;
    }
    return letters ? TP_TOKEN_WORD : digits ? TP_TOKEN_NUMBER : -1;
}

/* The chunk that starts at `from`; unless it is plain, its hash computed and
 * its cache slot prefetched while the previous chunk is tokenized. */
static inline chunk chunk_at(const tp_breaker *b, const uint8_t *text, int64_t from, int64_t len) {
    chunk c = { from, next_chunk_end(text, from, len), 0, 0, -1 };
    c.end = c.to;
    while (c.end > from && text[c.end - 1] == ' ') c.end--;
    if (c.end == from) return c;
    c.plain = plain_kind(text + from, c.end - from);
    if (c.plain < 0 && c.end - from <= TP_CHUNK_CACHE_MAX_KEY) {
        c.hash = tp_chunk_hash(text + from, (uint32_t)(c.end - from), len - from);
        tp_chunk_cache_prefetch(b->chunks, c.hash);
    }
    return c;
}

/*
 * Appends the tokens of chunk `c`: from the chunk cache when it was seen
 * before, otherwise from ICU, remembering them for next time.
 */
static int chunk_tokens(tp_breaker *b, const uint8_t *text, int64_t len, chunk c, int32_t *count) {
    int64_t key_len = c.end - c.from;
    if (key_len == 0) return 1;
    const uint8_t *key = text + c.from;
    int32_t base = (int32_t)c.from;
    if (c.plain >= 0) return append_token(b, count, base, base + (int32_t)key_len, c.plain);
    uint32_t cached_count = 0;
    const tp_cached_token *cached = tp_chunk_cache_find(b->chunks, key, (uint32_t)key_len, len - c.from, c.hash, &cached_count);
    if (cached) {
        for (uint32_t t = 0; t < cached_count; t++) {
            if (!append_token(b, count, base + (int32_t)tp_cached_token_start(cached[t]), base + (int32_t)tp_cached_token_end(cached[t]),
                              (int)tp_cached_token_kind(cached[t]))) return 0;
        }
        return 1;
    }
    int32_t first = *count;
    if (!icu_tokens(b, key, key_len, base, count)) return 0;
    uint32_t found_count = (uint32_t)(*count - first);
    if (key_len > TP_CHUNK_CACHE_MAX_KEY || found_count > TP_CHUNK_CACHE_MAX_TOKENS) return 1;
    tp_cached_token found[TP_CHUNK_CACHE_MAX_TOKENS];
    for (uint32_t t = 0; t < found_count; t++) {
        found[t] = tp_cached_token_make((uint32_t)(b->starts[first + (int32_t)t] - base),
                                        (uint32_t)(b->ends[first + (int32_t)t] - base), b->kinds[first + (int32_t)t]);
    }
    tp_chunk_cache_insert(b->chunks, key, (uint32_t)key_len, c.hash, found, found_count);
    return 1;
}

/*
 * Appends the tokens of the whole text, found by the rules of
 * tp_ascii_words.h, and hands a chunk to chunk_tokens only where a token
 * starts with a byte that is not ASCII (other than the quotes and dashes
 * tp_general_punctuation_class knows), or is a word a full stop may split
 * ("U.S.", "world.Today"). The tokens found since the last chunk start are
 * then dropped and that chunk is tokenized whole: a chunk's tokens depend
 * on its bytes alone, and every byte of the chunks before it was read.
 * Returns the token count, or -1.
 */
static int32_t ascii_text_tokens(tp_breaker *b, const uint8_t *text, int32_t len) {
    const uint8_t *classes = tp_ascii_word_class;
    int32_t count = 0, i = 0;
    /* The latest chunk start seen (0 or where ends_chunk says a chunk ends)
     * and the token count there. */
    int32_t chunk_start = 0, chunk_count = 0;
    /* The outputs, in locals: a store through `kinds` could alias the breaker. */
    int32_t *starts = b->starts, *ends = b->ends, cap = b->out_cap;
    uint8_t *kinds = b->kinds;
    while (i < len) {
        uint8_t class = classes[text[i]];
        if (class == TP_AW_SPACE) {
            do i++;
            while (i < len && (class = classes[text[i]]) == TP_AW_SPACE);
            if (i == len) break;
            /* After a space or a line feed, ASCII other than white space starts a chunk. */
            if ((text[i - 1] == ' ' || text[i - 1] == '\n') && class < TP_AW_NOT_ASCII) {
                chunk_start = i;
                chunk_count = count;
            }
        }
        int32_t start = i;
        int kind;
        if (class <= TP_AW_LINK) {
            int dotted = 0;
            i = tp_ascii_word_end(text, start, len, &dotted);
            kind = tp_ascii_word_token_kind(text, start, i);
            if (dotted && kind == TP_TOKEN_WORD) goto whole_chunk;
        } else if (class == TP_AW_E2) {
            if (tp_general_punctuation_class(text, i, len) == TP_AW_NOT_ASCII) goto whole_chunk;
            kind = TP_TOKEN_PUNCTUATION;
            i += 3;
        } else if (class == TP_AW_NOT_ASCII) {
            goto whole_chunk;
        } else {
            kind = tp_ascii_untagged_kind(text[i++]);
        }
        if (count == cap) {
            if (!grow_outputs(b, count + 1)) return -1;
            starts = b->starts, ends = b->ends, kinds = b->kinds, cap = b->out_cap;
        }
        starts[count] = start;
        ends[count] = i;
        kinds[count] = (uint8_t)kind;
        count++;
        continue;
    whole_chunk:;
        /* A local count: the loop's stays in a register. */
        int32_t chunk_tokens_end = chunk_count;
        chunk c = chunk_at(b, text, chunk_start, len);
        if (!chunk_tokens(b, text, len, c, &chunk_tokens_end)) return -1;
        count = chunk_tokens_end;
        starts = b->starts, ends = b->ends, kinds = b->kinds, cap = b->out_cap;
        i = chunk_start = (int32_t)c.to;
        chunk_count = count;
    }
    return count;
}

int32_t tp_word_breaker_tokenize(tp_breaker *b, const uint8_t *text, int64_t len,
                                 const int32_t **starts, const int32_t **ends, const uint8_t **kinds) {
    if (!b || b->sentence || len < 0 || len > INT32_MAX / 2) return -1;
    if (!b->chunks && !(b->chunks = tp_chunk_cache_new())) return tp_word_breaker_tokenize_whole(b, text, len, starts, ends, kinds);
    if (b->ascii_words) {
        int32_t count = ascii_text_tokens(b, text, (int32_t)len);
        *starts = b->starts;
        *ends = b->ends;
        *kinds = b->kinds;
        return count;
    }
    /* Chunks are found, hashed and their slots prefetched a few chunks ahead. */
    enum { lookahead = 16 };
    chunk queue[lookahead];
    int head = 0, queued = 0;
    int64_t scanned = 0;
    int32_t count = 0;
    while (queued < lookahead && scanned < len) {
        queue[queued++] = chunk_at(b, text, scanned, len);
        scanned = queue[queued - 1].to;
    }
    while (queued > 0) {
        chunk current = queue[head];
        if (scanned < len) {
            queue[head] = chunk_at(b, text, scanned, len);
            scanned = queue[head].to;
        } else {
            queued--;
        }
        head = (head + 1) % lookahead;
        if (!chunk_tokens(b, text, len, current, &count)) return -1;
    }
    *starts = b->starts;
    *ends = b->ends;
    *kinds = b->kinds;
    return count;
}

int tp_word_breaker_set_ascii_words(tp_breaker *b, int enabled) {
    if (!b) return 0;
    b->ascii_words = enabled && b->root_rules;
    return b->ascii_words;
}

int32_t tp_word_breaker_tokenize_whole(tp_breaker *b, const uint8_t *text, int64_t len,
                                       const int32_t **starts, const int32_t **ends, const uint8_t **kinds) {
    if (!b || b->sentence) return -1;
    int32_t count = 0;
    if (!icu_tokens(b, text, len, 0, &count)) return -1;
    *starts = b->starts;
    *ends = b->ends;
    *kinds = b->kinds;
    return count;
}

int32_t tp_sentence_breaker_boundaries(tp_breaker *b, const uint8_t *text, int64_t len,
                                       int lines_as_spaces, const int32_t **boundaries) {
    if (!b || !b->sentence) return -1;
    int32_t n = load_text(b, text, len, lines_as_spaces);
    if (n < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(b->iterator, b->units, n, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(b->iterator);
    for (int32_t next = ubrk_next(b->iterator); next != UBRK_DONE && next < n; next = ubrk_next(b->iterator)) {
        if (count == b->out_cap && !grow_outputs(b, count + 1)) return -1;
        b->starts[count++] = byte_offset(b, next);
    }
    *boundaries = b->starts;
    return count;
}

int64_t tp_word_breaker_raw_loop(tp_breaker *b, const uint8_t *text, int64_t len) {
    if (!b || b->sentence || len < 0 || len > INT32_MAX / 2) return -1;
    if (!grow_units(b, len + 1)) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8Lenient(b->units, b->units_cap, &n, (const char *)text, (int32_t)len, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setText(b->iterator, b->units, n, &status);
    if (U_FAILURE(status)) return -1;
    int64_t count = 0, statuses = 0;
    ubrk_first(b->iterator);
    for (int32_t next = ubrk_next(b->iterator); next != UBRK_DONE; next = ubrk_next(b->iterator)) {
        statuses += ubrk_getRuleStatus(b->iterator);
        count++;
    }
    return count + (statuses < 0 ? 1 : 0);
}

const char *tp_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}

int64_t tp_fold(const uint8_t *text, int64_t len, int case_fold, int strip_marks, uint8_t *out, int64_t cap) {
    if (len < 0 || len > INT32_MAX / 4) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8Lenient(NULL, 0, &n16, (const char *)text, (int32_t)len, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
    status = U_ZERO_ERROR;
    int32_t cap16 = n16 * 4 + 16;
    UChar *a = malloc((size_t)cap16 * sizeof(UChar));
    UChar *c = malloc((size_t)cap16 * sizeof(UChar));
    if (!a || !c) { free(a); free(c); return -1; }
    u_strFromUTF8Lenient(a, cap16, &n16, (const char *)text, (int32_t)len, &status);
    int32_t n = n16;
    if (case_fold && U_SUCCESS(status)) {
        n = u_strFoldCase(c, cap16, a, n16, U_FOLD_CASE_DEFAULT, &status);
        memcpy(a, c, (size_t)n * sizeof(UChar));
    }
    if (strip_marks && U_SUCCESS(status)) {
        const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
        if (U_SUCCESS(status)) n = unorm2_normalize(nfd, a, n, c, cap16, &status);
        int32_t kept = 0;
        for (int32_t i = 0; U_SUCCESS(status) && i < n;) {
            UChar32 ch;
            int32_t at = i;
            U16_NEXT(c, i, n, ch);
            if (u_charType(ch) == U_NON_SPACING_MARK) continue;
            for (int32_t j = at; j < i; j++) a[kept++] = c[j];
        }
        n = kept;
    }
    if (!strip_marks && U_SUCCESS(status)) {
        const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
        if (U_SUCCESS(status)) n = unorm2_normalize(nfc, a, n, c, cap16, &status);
        if (U_SUCCESS(status)) memcpy(a, c, (size_t)n * sizeof(UChar));
    }
    int32_t needed = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8((char *)out, (int32_t)(cap > INT32_MAX ? INT32_MAX : cap), &needed, a, n, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    }
    free(a);
    free(c);
    return U_FAILURE(status) ? -1 : needed;
}
