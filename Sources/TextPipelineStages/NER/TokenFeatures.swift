import TextPipeline

/// Per-token facts the rules read: capitalisation and kind. Computed once per document from bytes.
struct TokenFeatures {
    /// The token starts with an upper-case letter (or title-case).
    var capitalised: [Bool] = []
    /// Every cased letter is upper case and there are at least two letters.
    var allCaps: [Bool] = []
    /// The token starts with a lower-case letter.
    var lowercase: [Bool] = []

    init(_ document: Document) {
        let tokens = document.tokens
        let count = tokens.count
        capitalised = [Bool](repeating: false, count: count)
        allCaps = [Bool](repeating: false, count: count)
        lowercase = [Bool](repeating: false, count: count)
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< count where tokens.kinds[index] == .word {
                let bytes = UnsafeBufferPointer(rebasing: text[tokens.byteRange(index)])
                guard let lead = bytes.first else { continue }
                allCaps[index] = Self.isAllCaps(bytes)
                if lead < 0x80 {
                    capitalised[index] = lead &- 0x41 < 26
                    lowercase[index] = lead &- 0x61 < 26
                } else if let first = Self.firstScalar(bytes) {
                    capitalised[index] = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
                    lowercase[index] = first.properties.isLowercase
                }
            }
        }
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
