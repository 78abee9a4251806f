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
 *   - everything else is a segment of its own (WB999); white space makes
 *     no token. No ASCII character is Extend, Format or ZWJ, so WB4 and
 *     WB3c never apply, and '"' (Double_Quote) only matters after Hebrew.
 *
 * The kind of a token follows ICU's rule status, which under rule chaining
 * comes from the last one or two characters alone: a letter last is a word;
 * a digit last is a word after a letter ("a1"), else a number ("a11",
 * "3.14", "_1"); '_' last is a number after a digit ("1_"), a word after a
 * letter or '_' ("a_", "__"), and alone it is punctuation (untagged).
 *
 * TokenizerFastPathTests compare this with ICU over every short string of
 * the classes and over random ASCII; tp_icu.c uses it only for breakers
 * whose rules are the root ones.
 */
#ifndef TP_ASCII_WORDS_H
#define TP_ASCII_WORDS_H

#include <stdint.h>

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
    TP_AW_NOT_ASCII = 9 /* 0x80-0xFF: a byte of a longer UTF-8 sequence */
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
    TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW,
    TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW, TP_AW_HIGH_ROW,
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

/** One token found by tp_ascii_next_token. */
typedef struct {
    int32_t start;
    int32_t end;
    int kind;
    /* Whether a '.' joins two of its letters: only such a word can be two
     * sentences run together ("world.Today", see run_together_stop). */
    int dotted;
    /* Whether white space ending in a space or a line feed precedes it. */
    int after_break;
} tp_ascii_token;

/* The kind of a token of letters, digits and '_', by the class of its last
 * character and of the one before (TP_AW_SPACE for none; a middle character
 * for "a.b", "3.14"): the rule status ICU gives it under rule chaining. */
static const uint8_t tp_ascii_word_kind[TP_AW_MIDNUM + 1][TP_AW_LINK + 1] = {
    /* before:        -, letter last,   digit last,       '_' last */
    [TP_AW_SPACE] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_PUNCTUATION},
    [TP_AW_LETTER] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_WORD},
    [TP_AW_DIGIT] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_NUMBER},
    [TP_AW_LINK] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, TP_TOKEN_WORD},
    [TP_AW_MIDNUMLET] = {0, TP_TOKEN_WORD, TP_TOKEN_NUMBER, 0},
    [TP_AW_MIDNUM] = {0, 0, TP_TOKEN_NUMBER, 0},
};

/**
 * Finds the next token of UTF-8 `text` (`len` bytes) at or after `*at`,
 * writes it to `*token` and moves `*at` past it. Returns 1 for a token; 0,
 * with `*at == len`, when only white space is left; -1 when the next token
 * starts with a byte that is not ASCII.
 *
 * A token is ICU's only when the text is ASCII from the start of its chunk
 * (see next_chunk_end in tp_icu.c) to the end of the chunk: a byte that is
 * not ASCII may join what precedes it (a combining mark, a letter after
 * "a."). So the caller drops the tokens of a chunk in which this returns -1.
 */
static inline __attribute__((always_inline)) int tp_ascii_next_token(const uint8_t *text, int32_t *at, int32_t len,
                                                                     tp_ascii_token *token) {
    int32_t i = *at;
    uint8_t last;
    do {
        if (i == len) {
            *at = len;
            return 0;
        }
        last = tp_ascii_word_class[text[i++]];
    } while (last == TP_AW_SPACE);
    int32_t start = i - 1;
    token->start = start;
    token->after_break = start > *at && (text[start - 1] == ' ' || text[start - 1] == '\n');
    token->dotted = 0;
    if (last > TP_AW_LINK) {
        if (last == TP_AW_NOT_ASCII) return -1;
        token->end = *at = i;
        token->kind = tp_ascii_untagged_kind(text[start]);
        return 1;
    }
    /* Letters, digits and '_' run on; a middle character joins two of the same
     * class: letters ('.' '\''), digits ('.' '\'' ',' ';'). */
    int dotted = 0;
    for (;;) {
        while (i < len && (uint8_t)(tp_ascii_word_class[text[i]] - TP_AW_LETTER) <= TP_AW_LINK - TP_AW_LETTER) i++;
        if (i + 1 >= len) break;
        uint8_t middle = tp_ascii_word_class[text[i]];
        if ((uint8_t)(middle - TP_AW_MIDNUMLET) > TP_AW_MIDNUM - TP_AW_MIDNUMLET) break;
        uint8_t last = tp_ascii_word_class[text[i - 1]];
        if (tp_ascii_word_class[text[i + 1]] != last || last == TP_AW_LINK || (middle == TP_AW_MIDNUM && last != TP_AW_DIGIT))
            break;
        dotted |= text[i] == '.' && last == TP_AW_LETTER;
        i += 2;
    }
    token->end = *at = i;
    token->dotted = dotted;
    /* The kind follows the last two characters. */
    uint8_t before = i - 2 >= start ? tp_ascii_word_class[text[i - 2]] : TP_AW_SPACE;
    token->kind = tp_ascii_word_kind[before][tp_ascii_word_class[text[i - 1]]];
    return 1;
}

#endif
