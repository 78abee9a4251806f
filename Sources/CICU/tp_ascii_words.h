/*
 * tp_ascii_words.h — the word tokens of ASCII text without ICU.
 * Private to CICU (not under include/): no ICU types, no Swift surface.
 *
 * For text made of ASCII only, ICU's root word break rules (UAX #29 with
 * CLDR's tailoring; ICU 72) come down to a few pair rules over eight
 * classes, which this file applies byte by byte:
 *
 *   - letters, digits and '_' (ALetter, Numeric, ExtendNumLet) hold
 *     together in any order (WB5, WB8, WB9, WB10, WB13a, WB13b);
 *   - '.' and '\'' (MidNumLet, Single_Quote) join two letters or two
 *     digits, ',' and ';' (MidNum) two digits (WB6, WB7, WB11, WB12).
 *     ':' is not MidLetter in CLDR's root tailoring (it is in fi, sv);
 *   - '@' is ALetter in ICU's rules ("Jane.Doe@example.com" holds);
 *   - everything else is a segment of its own (WB999); white space makes
 *     no token. No ASCII character is Extend, Format or ZWJ, so WB4 and
 *     WB3c never apply, and '"' (Double_Quote) only matters after Hebrew.
 *
 * The quotes and dashes of news text are read too (see
 * tp_general_punctuation_class); any other byte that is not ASCII stops
 * the scan, and the caller hands the chunk to ICU.
 *
 * The kind of a token follows ICU's rule status, which under rule chaining
 * comes from the last one or two characters alone: a letter last is a word;
 * a digit last is a number ("a1", "3.14", "_1"); '_' last is a number after
 * a digit ("1_"), a word after a letter or '_' ("a_", "__"), and alone it is
 * punctuation (untagged).
 *
 * TokenizerFastPathTests compare this with ICU over every short string of
 * the classes and of those marks, and over random ASCII; tp_icu.c uses it
 * only for breakers whose rules are the root ones.
 */
#ifndef TP_ASCII_WORDS_H
#define TP_ASCII_WORDS_H

#include <stdint.h>
#include <string.h>

#include "tp_icu.h"

/* Word break classes of bytes, with the kind of a one-character segment
 * folded into the classes that only ever stand alone. */
enum {
    TP_AW_SPACE = 0,     /* tab, LF, VT, FF, CR, space: no token */
    TP_AW_LETTER = 1,    /* A-Z a-z @ (ICU's rules add '@' to ALetter) */
    TP_AW_DIGIT = 2,     /* 0-9 */
    TP_AW_LINK = 3,      /* '_' */
    TP_AW_MIDNUMLET = 4, /* '.' '\'' */
    TP_AW_MIDNUM = 5,    /* ',' ';' */
    TP_AW_PUNCTUATION = 6,
    TP_AW_SYMBOL = 7,  /* $ + < = > ^ ` | ~ */
    TP_AW_OTHER = 8,   /* other controls, DEL */
    TP_AW_NOT_ASCII = 9, /* 0x80-0xFF but 0xE2: a byte of a longer UTF-8 sequence */
    TP_AW_E2 = 10        /* 0xE2: leads U+2000-U+2FFF, see tp_general_punctuation_class */
};

#define TP_AW_HIGH_ROW 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9
static const uint8_t tp_ascii_word_class[256] = {
    /* 0x00 */ 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0, 0, 0, 8, 8,
    /* 0x10 */ 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    /* 0x20    sp !  "  #  $  %  &  '  (  )  *  +  ,  -  .  / */
               0, 6, 6, 6, 7, 6, 6, 4, 6, 6, 6, 7, 5, 6, 4, 6,
    /* 0x30    0  1  2  3  4  5  6  7  8  9  :  ;  <  =  >  ? */
               2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 5, 7, 7, 7, 6,
    /* 0x40    @  A-O */
               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x50    P-Z                              [  \  ]  ^  _ */
               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6, 6, 7, 3,
    /* 0x60    `  a-o */
               7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x70    p-z                              {  |  }  ~  DEL */
               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 7, 6, 7, 8,
    TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW,
    /* 0xE0 */ 9, 9, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    TP_AW_HIGH_ROW,
};
#undef TP_AW_HIGH_ROW

/** The kind of a segment of one ASCII character that no rule tagged
 * (ICU rule status 0), or -1 for white space. */
static inline int tp_ascii_untagged_kind(uint8_t byte) {
    switch (tp_ascii_word_class[byte]) {
    case TP_AW_SPACE: return -1;
    case TP_AW_SYMBOL: return TP_TOKEN_SYMBOL;
    case TP_AW_OTHER: return TP_TOKEN_OTHER;
    case TP_AW_LETTER: return TP_TOKEN_WORD;
    case TP_AW_DIGIT: return TP_TOKEN_NUMBER;
    default: return TP_TOKEN_PUNCTUATION;
    }
}

/**
 * The class of the character at `i` (of `len` bytes), which starts with
 * 0xE2, when it is one of the punctuation marks of news text that this file
 * knows: TP_AW_MIDNUMLET for \u2018 and \u2019 (MidNumLet, like '.' and
 * '\''), TP_AW_PUNCTUATION for \u2013, \u2014, \u201C, \u201D, \u2026 (Other;
 * alone, untagged punctuation), otherwise TP_AW_NOT_ASCII. Each is 3 bytes.
 */
static inline uint8_t tp_general_punctuation_class(const uint8_t *text, int32_t i, int32_t len) {
    if (i + 3 > len || text[i + 1] != 0x80) return TP_AW_NOT_ASCII;
    switch (text[i + 2]) {
    case 0x98: case 0x99: return TP_AW_MIDNUMLET;
    case 0x93: case 0x94: case 0x9C: case 0x9D: case 0xA6: return TP_AW_PUNCTUATION;
    default: return TP_AW_NOT_ASCII;
    }
}

/* The kind of a token of letters, digits and '_', by the class of its last
 * character and of the one before (TP_AW_SPACE for none; a middle character
 * for "a.b", "3.14", the last byte of \u2019 for "Putin\u2019s"): the rule
 * status ICU gives it under rule chaining. */
static const uint8_t tp_ascii_word_kind[TP_AW_E2 + 1][TP_AW_LINK + 1] = {
    /* before:        -, letter last,   digit last,       '_' last */
    [TP_AW_SPACE] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_PUNCTUATION},
    [TP_AW_LETTER] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_WORD},
    [TP_AW_DIGIT] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_NUMBER},
    [TP_AW_LINK] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_WORD},
    [TP_AW_MIDNUMLET] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, 0},
    [TP_AW_MIDNUM] = {0, 0, TP_TOKEN_NUMBER, 0},
    [TP_AW_NOT_ASCII] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, 0},
};

/** The end of the run of ASCII letters at `i`, eight bytes at a time; may
 * stop early (at most seven bytes before `len`). */
static inline __attribute__((always_inline)) int32_t tp_ascii_letters_end(const uint8_t *text, int32_t i, int32_t len) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= len) {
        uint64_t word;
        memcpy(&word, text + i, 8);
        /* Per byte, with the high bit cleared and lower case forced: bit 7 of
         * `from_a` is set from 'a' up, of `past_z` from past 'z' up. */
        uint64_t folded = (word & ~highs) | (ones * 0x20);
        uint64_t from_a = folded + ones * (0x80 - 'a'), past_z = folded + ones * (0x80 - 'z' - 1);
        uint64_t not_letters = ~(from_a & ~past_z & ~word) & highs;
        if (not_letters) return i + (__builtin_ctzll(not_letters) >> 3);
        i += 8;
    }
    return i;
}

/**
 * The end of the token that starts at `start` with a letter, digit or '_'
 * (UTF-8 `text`, `len` bytes): letters, digits and '_' run on, and a middle
 * character joins two letters ('.' '\'' \u2018 \u2019) or two digits (also
 * ',' ';').
 * Sets `*dotted` when a '.' joins two letters: only such a word can be two
 * sentences run together ("world.Today", see run_together_stop).
 *
 * The token is ICU's only when the text is ASCII from the start of its
 * chunk (see next_chunk_end in tp_icu.c) to the end of the chunk: a byte
 * that is not ASCII may join what precedes it (a combining mark, a letter
 * after "a."). The caller drops the tokens of a chunk where it meets one.
 */
static inline __attribute__((always_inline)) int32_t tp_ascii_word_end(const uint8_t *text, int32_t start, int32_t len,
                                                                       int *dotted) {
    int32_t i = start + 1;
    for (;;) {
        i = tp_ascii_letters_end(text, i, len);
        while (i < len && (uint8_t)(tp_ascii_word_class[text[i]] - TP_AW_LETTER) <= TP_AW_LINK - TP_AW_LETTER) i++;
        if (i >= len) return i;
        uint8_t middle = tp_ascii_word_class[text[i]];
        int32_t width = 1;
        if (middle == TP_AW_E2) {
            middle = tp_general_punctuation_class(text, i, len);
            width = 3;
        }
        if ((uint8_t)(middle - TP_AW_MIDNUMLET) > TP_AW_MIDNUM - TP_AW_MIDNUMLET || i + width >= len) return i;
        uint8_t last = tp_ascii_word_class[text[i - 1]];
        if (tp_ascii_word_class[text[i + width]] != last || last == TP_AW_LINK ||
            (middle == TP_AW_MIDNUM && last != TP_AW_DIGIT))
            return i;
        *dotted |= text[i] == '.' && last == TP_AW_LETTER;
        i += width + 1;
    }
}

/** The kind of the token `start ..< end` found by tp_ascii_word_end: it
 * follows the last two characters. */
static inline int tp_ascii_word_token_kind(const uint8_t *text, int32_t start, int32_t end) {
    uint8_t before = end - 2 >= start ? tp_ascii_word_class[text[end - 2]] : TP_AW_SPACE;
    return tp_ascii_word_kind[before][tp_ascii_word_class[text[end - 1]]];
}

#endif
