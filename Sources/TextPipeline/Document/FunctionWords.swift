/// The commonest short words of the Latin-script languages that
/// ``LanguageDetector`` tells apart, packed as keys of up to 8 UTF-8 bytes
/// (ASCII in lower case, first byte lowest) for look-ups without allocation.
/// Words that are also common English words or parts of web addresses ("do",
/// "to", "com") are left out of the other languages' lists.
enum FunctionWords {
    /// Language codes; a word's bit `n` means `codes[n]`. English is bit 0.
    static let codes = ["en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "id"]

    /// Per language, its function words (lower case; a word may serve several languages).
    static let lists: [String] = [
        "the and of to that was with for is are were this have has from which said would been not but his they their will its on by as at an or in",
        "der die und das ist nicht mit sich des ein eine dem den von zu auf auch für wird sind bei nach oder wie aus im dass über noch werden einen einer wurde hat sie es ich in an er",
        "le la les et est des une du que qui dans pour pas sur au avec ce il sont par plus ne se aux cette mais ont été nous vous elle un de en",
        "el los las del que en se por con una para es al lo como más pero sus su fue ha este esta son entre está muy también de la",
        "il di che è la della per non del un una sono con gli le nel alla da dei anche come più ha questo delle degli in",
        "os da dos das não em um uma que para por mais se ao foi é são como pelo pela nos mas também de",
        "de het een en van is dat niet op te zijn voor met die ook er aan als bij door maar om wordt naar heeft worden nog uit in",
        "och att det som en på är av för med till den har inte om ett var jag men de",
        "się na nie że jest jak po dla od przez są czy oraz także",
        "yang dan di ini itu dengan untuk tidak dalam akan pada juga ke dari oleh telah ia bahwa atau kepada",
    ]

    /// The number of languages (``codes``), a constant for the detector's loops.
    static let languageCount = 10

    /// One slot of ``lookup``: a word's key (0: empty) and the bit set of its languages.
    struct Slot {
        var key: UInt64 = 0
        var languages: UInt16 = 0
    }

    /// ``slotCount`` must be a power of two and keep the table at most half full.
    static let slotCount = 1024

    /// An open-addressing hash table of every function word (linear probing), built once.
    static let lookup: [Slot] = {
        var slots = [Slot](repeating: Slot(), count: slotCount)
        for (language, list) in lists.enumerated() {
            for word in list.split(separator: " ") {
                let key = key(word.utf8)
                var slot = home(key)
                while slots[slot].key != 0, slots[slot].key != key { slot = (slot + 1) & (slotCount - 1) }
                slots[slot].key = key
                slots[slot].languages |= 1 << language
            }
        }
        return slots
    }()

    /// A 4,096-bit filter over the function words' keys (``filterBit(_:)``): a word whose bit
    /// is clear is no function word, found without touching ``lookup`` (512 bytes stay in
    /// cache where the 16 KB table would not: most words of an article are not function words).
    static let filter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for slot in lookup where slot.key != 0 {
            let bit = filterBit(slot.key)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }()

    /// The bit of `key` in ``filter``.
    @inline(__always)
    static func filterBit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> 52) }

    /// The number of distinct function words.
    static var wordCount: Int { lookup.lazy.filter { $0.key != 0 }.count }

    /// The slot where `key`'s probe starts.
    @inline(__always)
    static func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) & (slotCount - 1) }

    /// The key of a word's bytes (at most 8 are kept).
    static func key(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in bytes.prefix(8).enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
        return key
    }

    /// False when `filter` (``filter``) proves `word` is no function word.
    @inline(__always)
    static func mayBeFunctionWord(_ word: UInt64, filter: UnsafeBufferPointer<UInt64>) -> Bool {
        let bit = filterBit(word)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The slot of `word` in `slots` (``lookup``), or nil when it is no function word.
    @inline(__always)
    static func slot(of word: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int? {
        var slot = home(word)
        while true {
            let key = slots[slot].key
            if key == word { return slot }
            if key == 0 { return nil }
            slot = (slot + 1) & (slotCount - 1)
        }
    }
}
