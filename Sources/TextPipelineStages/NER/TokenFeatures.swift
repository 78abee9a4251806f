import TextPipeline

/// Per-token facts the rules read, one bit each: capitalisation, computed once per document from
/// bytes for word tokens only (``compute(_:text:into:)``), and the marks ``RuleTagger`` adds (lookup starts, headlines,
/// segment starts, coverage).
struct TokenFeatures: OptionSet {
    let rawValue: UInt16

    /// The token starts with an upper-case letter (or title-case).
    static let capitalised = TokenFeatures(rawValue: 1 << 0)
    /// Every cased letter is upper case and there are at least two letters.
    static let allCaps = TokenFeatures(rawValue: 1 << 1)
    /// The token starts with a lower-case letter.
    static let lowercase = TokenFeatures(rawValue: 1 << 2)
    /// A word of two bytes or more (what headline detection counts).
    static let longWord = TokenFeatures(rawValue: 1 << 3)
    /// A first-name / surname entry starts here.
    static let firstName = TokenFeatures(rawValue: 1 << 4)
    static let surname = TokenFeatures(rawValue: 1 << 5)
    /// Its segment is written in capitals (a headline), so case says nothing.
    static let headline = TokenFeatures(rawValue: 1 << 6)
    /// The first token of its segment.
    static let segmentStart = TokenFeatures(rawValue: 1 << 7)
    /// A lookup kept by the ambiguity control covers it.
    static let lookup = TokenFeatures(rawValue: 1 << 8)
    /// Some entity found so far covers it (document-level consistency).
    static let covered = TokenFeatures(rawValue: 1 << 9)

    /// Replaces the contents of `features` with one row per token of `tokens` (over the document's
    /// bytes `text`): the capitalisation bits and ``longWord``, every other bit clear. The buffer keeps its capacity.
    ///
    /// Writes the tokens that are ``capitalised`` or ``allCaps`` to the start of `capitals`, ascending,
    /// and returns their number: the rules start names only at such tokens (about one in seven of news
    /// text), so later passes walk them instead of every token. `capitals` is grown to the token count
    /// when shorter (its other elements are left as they are), so each is a plain store.
    static func compute(_ tokens: TokenLayer, text: [UInt8], into features: inout [TokenFeatures], capitals: inout [Int]) -> Int {
        features.removeAll(keepingCapacity: true)
        features.append(contentsOf: repeatElement([], count: tokens.count))
        if capitals.count < tokens.count { capitals = [Int](repeating: 0, count: tokens.count) }
        var found = 0
        capitals.withUnsafeMutableBufferPointer { capitals in
            text.withUnsafeBufferPointer { text in
                tokens.kinds.withUnsafeBufferPointer { kinds in
                    tokens.starts.withUnsafeBufferPointer { starts in
                        tokens.ends.withUnsafeBufferPointer { ends in
                            features.withUnsafeMutableBufferPointer { features in
                                for index in 0 ..< kinds.count where kinds[index] == .word {
                                    let bits = of(UnsafeBufferPointer(rebasing: text[Int(starts[index]) ..< Int(ends[index])]))
                                    features[index] = bits
                                    if !bits.isDisjoint(with: [.capitalised, .allCaps]) {
                                        capitals[found] = index
                                        found &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// The bits of a word's bytes.
    private static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenFeatures {
        guard let lead = bytes.first else { return [] }
        var features: TokenFeatures = bytes.count >= 2 ? .longWord : []
        // Most words: a lower-case ASCII letter first, which rules capitals out.
        if lead &- 0x61 < 26 { return features.union(.lowercase) }
        if lead < 0x80 {
            if lead &- 0x41 < 26 { features.insert(.capitalised) }
            if isAllCaps(bytes) { features.insert(.allCaps) }
        } else if let first = firstScalar(bytes) {
            if first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter { features.insert(.capitalised) }
            if first.properties.isLowercase { features.insert(.lowercase) }
        }
        return features
    }

    static func firstScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// ASCII letters all upper case, at least two, no lower-case ASCII letter.
    static func isAllCaps(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var upper = 0
        for byte in bytes {
            if byte &- 0x61 < 26 || byte >= 0x80 { return false }
            if byte &- 0x41 < 26 { upper += 1 }
        }
        return upper >= 2
    }
}
