/*
 * tp_icu.h — the only bridge between TextPipeline and system ICU (libicu).
 *
 * The public surface uses plain C types and opaque handles only: system ICU
 * headers must never reach Swift, where they clash with Foundation's bundled
 * ICU module. Every call is batched per article: one call returns every
 * boundary of a text, so the Swift side pays one crossing per document.
 *
 * Offsets are UTF-8 byte offsets into the caller's buffer. Input must be
 * UTF-8; malformed sequences are read as U+FFFD and never read past `len`.
 *
 * Handles are NOT thread-safe. Open (or clone) one per worker thread.
 */
#ifndef TP_ICU_H
#define TP_ICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Token kinds written by tp_word_breaker_tokenize. Values are stable. */
enum {
    TP_TOKEN_WORD = 0,
    TP_TOKEN_NUMBER = 1,
    TP_TOKEN_PUNCTUATION = 2,
    TP_TOKEN_SYMBOL = 3,
    TP_TOKEN_IDEOGRAPHIC = 4,
    TP_TOKEN_KANA = 5,
    TP_TOKEN_EMOJI = 6,
    TP_TOKEN_OTHER = 7
};

/** An ICU break iterator plus the scratch buffers of one worker. */
typedef struct tp_breaker tp_breaker;

/**
 * Opens a word (`sentence == 0`) or sentence (`sentence != 0`) breaker for
 * `locale` (e.g. "en", "en@ss=standard"). Returns NULL on failure and writes
 * a message into `error` (at most `error_len` bytes, NUL-terminated).
 */
tp_breaker *tp_breaker_open(int sentence, const char *locale, char *error, size_t error_len);

/** Returns an independent copy of `template_breaker` for another worker, or NULL. */
tp_breaker *tp_breaker_clone(const tp_breaker *template_breaker);

/** Releases a breaker and its buffers. NULL is accepted. */
void tp_breaker_close(tp_breaker *breaker);

/**
 * Tokenizes `text` (UTF-8, `len` bytes) with UAX #29 word boundaries.
 * White space is dropped. One refinement of UAX #29: a word that is two
 * sentences run together with no space ("world.Today", "period\uFF0EDoes")
 * becomes word, full stop, word (see run_together_stop in tp_icu.c).
 * On return, `*starts`, `*ends` and `*kinds` point
 * at arrays owned by the breaker, valid until the next call on it.
 * Returns the number of tokens, or -1 on an ICU error or a text over 1 GB.
 *
 * The text is cut where UAX #29 always breaks (after a space, before
 * ASCII other than a space; after a line feed). A chunk of ASCII only is
 * tokenized without ICU when the locale uses ICU's root word rules (see
 * tp_word_breaker_set_ascii_words); the tokens of other short chunks are
 * remembered per breaker: a chunk seen before is not shown to ICU again.
 * The tokens are exactly those of tp_word_breaker_tokenize_whole.
 */
int32_t tp_word_breaker_tokenize(tp_breaker *breaker, const uint8_t *text, int64_t len,
                                 const int32_t **starts, const int32_t **ends,
                                 const uint8_t **kinds);

/**
 * Turns on or off tokenizing ASCII chunks without ICU in tp_word_breaker_tokenize
 * (on by default). It stays off for locales whose word rules are tailored
 * (fi, sv, en_US_POSIX): it knows only the root rules. The tokens are the
 * same either way; tests turn it off to compare. Returns whether it is on.
 */
int tp_word_breaker_set_ascii_words(tp_breaker *breaker, int enabled);

/**
 * The same tokens as tp_word_breaker_tokenize, found by running ICU once
 * over the whole text with no chunk memo: the reference that tests compare
 * the memo against.
 */
int32_t tp_word_breaker_tokenize_whole(tp_breaker *breaker, const uint8_t *text, int64_t len,
                                       const int32_t **starts, const int32_t **ends,
                                       const uint8_t **kinds);

/**
 * Runs the sentence breaker over `text` and returns the interior boundaries
 * (UTF-8 byte offsets, ascending, excluding 0 and `len`) in `*boundaries`,
 * owned by the breaker. When `lines_as_spaces` is non-zero, every line
 * terminator (LF, CR, VT, FF, NEL, U+2028, U+2029) is shown to ICU as a
 * space, so hard-wrapped lines do not end sentences; the caller adds the
 * line breaks it wants. Returns the count, or -1 on error.
 */
int32_t tp_sentence_breaker_boundaries(tp_breaker *breaker, const uint8_t *text, int64_t len,
                                       int lines_as_spaces, const int32_t **boundaries);

/**
 * The speed limit for tokenization: converts `text` to UTF-16 and walks every
 * word boundary with ubrk_next and ubrk_getRuleStatus, doing nothing else.
 * Returns the number of boundaries (or -1). Used by benchmarks only.
 */
int64_t tp_word_breaker_raw_loop(tp_breaker *breaker, const uint8_t *text, int64_t len);

/** ICU's version string, e.g. "72.1". */
const char *tp_icu_version(void);

/**
 * Case-folds (full folding) and optionally removes combining marks after NFD,
 * writing UTF-8 into `out` (capacity `cap`). Returns the number of bytes
 * needed; when it exceeds `cap`, nothing useful was written and the caller
 * retries with a larger buffer. Returns -1 on error.
 */
int64_t tp_fold(const uint8_t *text, int64_t len, int case_fold, int strip_marks,
                uint8_t *out, int64_t cap);

#ifdef __cplusplus
}
#endif

#endif
