/// Finds the language of a text from its script and its commonest short
/// words, in one pass over (at most the first ``scanLimit``) UTF-8 bytes,
/// without allocating.
///
/// - Scripts: letters are counted per script. When letters of one script
///   other than Latin are at least ``minimumScriptLetters`` and outnumber
///   the Latin letters, the script decides: Han → `zh` (`ja` when kana are
///   at least a tenth of the Han and kana letters), kana → `ja`, Hangul →
///   `ko`, Cyrillic → `ru` (`uk` with the Ukrainian letters і ї є ґ),
///   Greek → `el`, Arabic → `ar`, Hebrew → `he`, Devanagari → `hi`, Thai → `th`.
/// - Latin script: each word of 2 to 8 bytes that is a function word of
///   English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish,
///   Polish or Indonesian (Malay shares its function words and is reported
///   as `id`) scores one point for every language it belongs to. Vietnamese
///   is told by its own letters (``minimumVietnameseLetters``). Another
///   language wins only with at least ``minimumLanguageHits`` points from
///   ``minimumDistinctWords`` different words and more than twice English's;
///   otherwise the text is English (detected with at least as many English
///   points, else assumed).
/// - The scan stops early, every `checkpointInterval` bytes, once the text is
///   clearly English (`Tally.isClearlyEnglish`).
/// - Anything else (short, mixed, tables of figures, no evidence) is
///   ``ArticleLanguage/assumedEnglish``: the default pipeline's language,
///   so a doubtful article keeps the English analysis.
public enum LanguageDetector {
    /// Bytes read from the start of the text; the rest does not change the verdict.
    public static let scanLimit = 16_384
    /// Letters of a non-Latin script needed before the script decides.
    public static let minimumScriptLetters = 12
    /// Function-word points another Latin-script language needs to win.
    public static let minimumLanguageHits = 4
    /// Letters only Vietnamese uses (đ, ơ, ư, ạ, ế, ồ...) that make a Latin-script text
    /// Vietnamese, when they are also at least 3% of its Latin letters and more than twice
    /// its English function-word points (an English article quoting Vietnamese stays English).
    public static let minimumVietnameseLetters = 3
    /// Every this many bytes the scan stops when the text is already clearly English
    /// (`Tally.isClearlyEnglish`): most news is, and the rest of it cannot change the verdict much.
    static let checkpointInterval = 512
    /// Distinct function words another Latin-script language needs to win (a table of
    /// figures repeating "un" for "unchanged" is not French).
    public static let minimumDistinctWords = 3

    /// The language of `utf8` (valid UTF-8).
    public static func detect(_ utf8: [UInt8]) -> ArticleLanguage {
        utf8.withUnsafeBufferPointer { detect(UnsafeBufferPointer(rebasing: $0.prefix(scanLimit))) }
    }

    /// The language of `bytes` (valid UTF-8, possibly cut inside its last character).
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> ArticleLanguage {
        let (tally, clearlyEnglish) = scan(bytes, stopWhenClearlyEnglish: true)
        return clearlyEnglish ? ArticleLanguage(code: "en", source: .detected) : tally.verdict()
    }

    /// The tally of `bytes`; with `stopWhenClearlyEnglish`, the scan stops at the first
    /// checkpoint where the text is clearly English, and says so.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, stopWhenClearlyEnglish: Bool) -> (tally: Tally, clearlyEnglish: Bool) {
        FunctionWords.lookup.withUnsafeBufferPointer { slots in
            FunctionWords.filter.withUnsafeBufferPointer { filter in
                var tally = Tally()
                var index = 0
                var word: UInt64 = 0
                var wordLength = 0
                var checkpoint = stopWhenClearlyEnglish ? min(bytes.count, checkpointInterval) : bytes.count
                while index < bytes.count {
                    if index >= checkpoint {
                        // Between words only (a word never spans the check), so the tally is exact.
                        if wordLength == 0, tally.isClearlyEnglish { return (tally, true) }
                        checkpoint = wordLength == 0 ? index + checkpointInterval : index + 1
                    }
                    if bytes[index] < 0x80 {
                        // ASCII, most of the text: a run of it up to the next checkpoint, in locals.
                        scanASCII(bytes, from: &index, upTo: checkpoint, word: &word, wordLength: &wordLength, tally: &tally, slots: slots, filter: filter)
                        continue
                    }
                    let (scalar, length) = decode(bytes, at: index)
                    index += length
                    let script = Script(scalar)
                    if script == .latin {
                        word = appending(bytes, from: index - length, count: length, to: word, at: wordLength)
                        wordLength += length
                    } else if wordLength > 0 {
                        tally.countWord(word, length: wordLength, slots: slots, filter: filter)
                        word = 0
                        wordLength = 0
                    }
                    tally.countLetter(script, scalar: scalar)
                }
                if wordLength > 0 { tally.countWord(word, length: wordLength, slots: slots, filter: filter) }
                return (tally, false)
            }
        }
    }

    /// Reads the ASCII bytes from `index` up to `limit` (at most `bytes.count`) or the first
    /// non-ASCII byte, counting their letters and the function words they end. The loop keeps
    /// its state in locals and adds the letters to `tally` once, at the end of the run.
    ///
    /// Eight bytes at a time while they are all ASCII (`scanChunks`), then byte by byte: the
    /// words and letters counted, and the point where the run stops, are the same either way.
    @inline(__always)
    private static func scanASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, upTo limit: Int, word: inout UInt64, wordLength: inout Int,
        tally: inout Tally, slots: UnsafeBufferPointer<FunctionWords.Slot>, filter: UnsafeBufferPointer<UInt64>
    ) {
        let end = min(limit, bytes.count)
        var position = index, current = word, length = wordLength, letters = 0
        if end - position >= 8, let base = UnsafeRawPointer(bytes.baseAddress) {
            (position, current, length, letters) = scanChunks(
                base, from: position, to: end, word: current, wordLength: length, tally: &tally, slots: slots, filter: filter)
        }
        while position < end {
            let byte = bytes[position]
            if byte >= 0x80 { break }
            position += 1
            let lower = byte | 0x20
            if lower &- 0x61 < 26 {
                letters += 1
                if length < 8 { current |= UInt64(lower) << (8 * UInt64(length)) }
                length += 1
            } else if length > 0 {
                tally.countWord(current, length: length, slots: slots, filter: filter)
                current = 0
                length = 0
            }
        }
        tally.letters.latin += letters
        index = position
        word = current
        wordLength = length
    }

    /// Reads eight bytes at a time from `start` while they are all ASCII and end at most at `end`:
    /// counts the words they end and extends the word they leave open, exactly as the byte loop
    /// of `scanASCII` would. Returns where it stopped, the open word and its length, and the
    /// number of letters read.
    private static func scanChunks(
        _ base: UnsafeRawPointer, from start: Int, to end: Int, word: UInt64, wordLength: Int, tally: inout Tally,
        slots: UnsafeBufferPointer<FunctionWords.Slot>, filter: UnsafeBufferPointer<UInt64>
    ) -> (position: Int, word: UInt64, wordLength: Int, letters: Int) {
        var position = start, word = word, wordLength = wordLength, letters = 0
        while end &- position >= 8 {
            let chunk = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            guard chunk & 0x8080_8080_8080_8080 == 0 else { break }
            position &+= 8
            let lowered = chunk | 0x2020_2020_2020_2020
            // A lane (byte below 0x80) is a letter when its lowered byte lies in 0x61...0x7A:
            // + 0x1F sets its high bit from 0x61 on, + 0x05 from 0x7B on; no carry leaves a lane.
            let high = (lowered &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lowered &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080
            // Bit i of `mask` is lane i's high bit (the eight bits gathered by one multiplication).
            let mask = ((high >> 7) &* 0x0102_0408_1020_4080) >> 56
            letters &+= mask.nonzeroBitCount
            var lane: UInt64 = 0
            while true {
                // The letters from `lane` on continue the open word (its first eight bytes are kept).
                let run = UInt64(truncatingIfNeeded: (~(mask &>> lane)).trailingZeroBitCount)
                if wordLength < 8 {
                    let kept = UInt64.max &>> (64 &- 8 &* run)
                    word |= run == 0 ? 0 : ((lowered &>> (8 &* lane)) & kept) &<< UInt64(8 &* wordLength)
                }
                wordLength &+= Int(run)
                lane &+= run
                if lane >= 8 { break }
                // Lane `lane` is no letter: it ends the open word; skip to the next letter.
                if wordLength > 0 {
                    tally.countWord(word, length: wordLength, slots: slots, filter: filter)
                    word = 0
                    wordLength = 0
                }
                lane &+= 1
                if lane >= 8 { break }
                lane &+= UInt64(truncatingIfNeeded: (mask &>> lane).trailingZeroBitCount)
                if lane >= 8 { break }
            }
        }
        return (position, word, wordLength, letters)
    }

    // MARK: Decoding

    /// The scalar at `index` and its length in bytes (1 for a cut sequence).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard lead >= 0xC0, index + length <= bytes.count else { return (UInt32(lead < 0x80 ? lead : 0), 1) }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1 ..< length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (scalar, length)
    }

    /// `word` with the `count` bytes at `start` placed after its first `wordLength` bytes,
    /// as far as they fit in 8; ASCII letters in lower case.
    private static func appending(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, to word: UInt64, at wordLength: Int) -> UInt64 {
        var result = word
        for offset in 0 ..< count where wordLength + offset < 8 {
            let byte = bytes[start + offset]
            result |= UInt64(byte < 0x80 ? byte | 0x20 : byte) << (8 * UInt64(wordLength + offset))
        }
        return result
    }
}

extension LanguageDetector {
    /// The scripts the detector tells apart.
    enum Script: Int {
        case other, latin, greek, cyrillic, hebrew, arabic, devanagari, thai, kana, han, hangul

        init(_ scalar: UInt32) {
            switch scalar {
            case 0x41 ... 0x5A, 0x61 ... 0x7A, 0xC0 ... 0xD6, 0xD8 ... 0xF6, 0xF8 ... 0x24F, 0x1E00 ... 0x1EFF: self = .latin
            case 0x370 ... 0x3FF: self = .greek
            case 0x400 ... 0x52F: self = .cyrillic
            case 0x5D0 ... 0x5EA: self = .hebrew
            case 0x620 ... 0x64A, 0x671 ... 0x6D3, 0x750 ... 0x77F: self = .arabic
            case 0x904 ... 0x939, 0x958 ... 0x961: self = .devanagari
            case 0xE01 ... 0xE30: self = .thai
            case 0x3041 ... 0x3096, 0x30A1 ... 0x30FA: self = .kana
            case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF: self = .han
            case 0xAC00 ... 0xD7A3: self = .hangul
            default: self = .other
            }
        }
    }

    /// Letters per script, Ukrainian letters, and function-word points per language.
    struct Tally {
        var letters = (latin: 0, greek: 0, cyrillic: 0, hebrew: 0, arabic: 0, devanagari: 0, thai: 0, kana: 0, han: 0, hangul: 0)
        var ukrainian = 0
        /// Latin letters only Vietnamese uses: đ ơ ư and the stacked-diacritic vowels (U+1EA0–U+1EF9).
        var vietnamese = 0
        /// Function-word points per language (``FunctionWords/codes`` order; room for 12).
        var points = LanguageCounts()
        /// Distinct function words per language.
        var distinct = LanguageCounts()
        /// Which function words (by slot of ``FunctionWords/lookup``) were seen; one bit per slot.
        var seen = (
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
        )

        mutating func countLetter(_ script: Script, scalar: UInt32) {
            switch script {
            case .other: break
            case .latin:
                letters.latin += 1
                if (0x1EA0 ... 0x1EF9).contains(scalar) || scalar == 0x111 || scalar == 0x1A1 || scalar == 0x1B0 { vietnamese += 1 }
            case .greek: letters.greek += 1
            case .cyrillic:
                letters.cyrillic += 1
                if scalar == 0x456 || scalar == 0x457 || scalar == 0x454 || scalar == 0x491 { ukrainian += 1 }
            case .hebrew: letters.hebrew += 1
            case .arabic: letters.arabic += 1
            case .devanagari: letters.devanagari += 1
            case .thai: letters.thai += 1
            case .kana: letters.kana += 1
            case .han: letters.han += 1
            case .hangul: letters.hangul += 1
            }
        }

        /// Counts `word` (its first `length` bytes, at most 8 kept) when it is a function word;
        /// `slots` and `filter` are ``FunctionWords/lookup`` and ``FunctionWords/filter``.
        ///
        /// The length and filter tests are inlined into the scanning loops; a word that passes
        /// them is counted by an outlined call, so the loops do not carry the tally in registers.
        @inline(__always)
        mutating func countWord(
            _ word: UInt64, length: Int, slots: UnsafeBufferPointer<FunctionWords.Slot>,
            filter: UnsafeBufferPointer<UInt64>
        ) {
            guard length >= 2, length <= 8, FunctionWords.mayBeFunctionWord(word, filter: filter) else { return }
            countCandidate(word, slots: slots)
        }

        /// Counts `word` when ``FunctionWords/lookup`` (`slots`) holds it.
        @inline(never)
        private mutating func countCandidate(_ word: UInt64, slots: UnsafeBufferPointer<FunctionWords.Slot>) {
            guard let index = FunctionWords.slot(of: word, in: slots) else { return }
            let languages = slots[index].languages
            let isNew = withUnsafeMutableBytes(of: &seen) { raw in
                let seen = raw.bindMemory(to: UInt64.self)
                let (slot, bit) = (index / 64, UInt64(1) << UInt64(index % 64))
                defer { seen[slot] |= bit }
                return seen[slot] & bit == 0
            }
            points.addOne(to: languages)
            if isNew { distinct.addOne(to: languages) }
        }

        /// At least 24 English points, more than twice any other language's, and Latin letters
        /// at least four times those of every other script: no later text is likely to turn it.
        var isClearlyEnglish: Bool {
            let english = points[0]
            guard english >= 24 else { return false }
            let others = (1 ..< FunctionWords.languageCount).lazy.map { points[$0] }.max() ?? 0
            let nonLatin =
                letters.greek + letters.cyrillic + letters.hebrew + letters.arabic + letters.devanagari + letters.thai
                + letters.kana + letters.han + letters.hangul
            return others * 2 < english && nonLatin * 4 < letters.latin
        }

        func verdict() -> ArticleLanguage {
            if let script = scriptVerdict() { return ArticleLanguage(code: script, source: .detected) }
            if vietnamese >= LanguageDetector.minimumVietnameseLetters, vietnamese * 33 >= letters.latin, points[0] * 2 < vietnamese {
                return ArticleLanguage(code: "vi", source: .detected)
            }
            var best = 1
            for language in 2 ..< FunctionWords.languageCount where points[language] > points[best] { best = language }
            if points[best] >= LanguageDetector.minimumLanguageHits, points[best] > 2 * points[0],
                distinct[best] >= LanguageDetector.minimumDistinctWords
            {
                return ArticleLanguage(code: FunctionWords.codes[best], source: .detected)
            }
            return points[0] >= LanguageDetector.minimumLanguageHits ? ArticleLanguage(code: "en", source: .detected) : .assumedEnglish
        }

        /// The language a non-Latin script gives, when that script dominates.
        private func scriptVerdict() -> String? {
            var best = (count: 0, code: "")
            func consider(_ count: Int, _ code: String) { if count > best.count { best = (count, code) } }
            let cjk = letters.han + letters.kana
            consider(cjk, letters.kana * 10 >= cjk ? "ja" : "zh")
            consider(letters.hangul, "ko")
            consider(letters.cyrillic, ukrainian * 50 > letters.cyrillic ? "uk" : "ru")
            consider(letters.greek, "el")
            consider(letters.arabic, "ar")
            consider(letters.hebrew, "he")
            consider(letters.devanagari, "hi")
            consider(letters.thai, "th")
            guard best.count >= LanguageDetector.minimumScriptLetters, best.count > letters.latin else { return nil }
            return best.code
        }
    }
}

extension LanguageDetector {
    /// A count per language (``FunctionWords/codes`` order, room for 12) in 16-bit lanes, four
    /// to a word (language `n` in lane `n % 4` of word `n / 4`), so one function word adds one to
    /// all its languages with three additions. No count can reach 65,536: a function word and the
    /// byte after it take at least three of the ``scanLimit`` bytes read.
    struct LanguageCounts {
        private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

        /// Adds one to the count of every language in `languages` (bit `n`: language `n`).
        @inline(__always)
        mutating func addOne(to languages: UInt16) {
            words.0 &+= Self.lanes(languages)
            words.1 &+= Self.lanes(languages >> 4)
            words.2 &+= Self.lanes(languages >> 8)
        }

        /// The low four bits of `bits` as four lanes of 0 or 1: bit `k` moves to bit `16k`
        /// (the four shifted copies of the multiplication do not overlap, so nothing carries).
        @inline(__always)
        private static func lanes(_ bits: UInt16) -> UInt64 {
            (UInt64(bits & 15) &* 0x0000_2000_4000_8001) & 0x0001_0001_0001_0001
        }

        /// The count of language `language` (0 ..< 12).
        subscript(language: Int) -> Int {
            let word = language < 4 ? words.0 : language < 8 ? words.1 : words.2
            return Int(truncatingIfNeeded: (word >> UInt64(16 * (language % 4))) & 0xFFFF)
        }
    }
}
