/// Namespaced canonical ids (`geonames:1835841`, `iso3166:KP`, `tp:org/kcna`).
///
/// Ids derived for entries without one depend only on the label and the
/// surface form, so they are stable across rebuilds.
public enum CanonicalID {
    /// `namespace:value`: a non-empty ASCII namespace, a colon, and no white space.
    public static func isValid(_ id: String) -> Bool {
        guard let colon = id.firstIndex(of: ":"), colon != id.startIndex, id.index(after: colon) != id.endIndex else { return false }
        let namespace = id[..<colon]
        return namespace.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            && !id.contains(where: { $0.isWhitespace })
    }

    /// `tp:<kind>/<slug>`: the slug is the surface lower-cased, letters and
    /// digits kept (any script), every other run of characters becoming `-`.
    public static func derive(label: GazetteerLabel, surface: String) -> String {
        "tp:\(label.idKind)/\(slug(surface))"
    }

    /// The lower-cased, hyphen-joined letters and digits of `text`.
    public static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else if character != "'" && character != "’" {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "_" : slug
    }

    /// The same slug for ASCII text, byte by byte.
    static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        appendASCIISlug(of: text.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the slug of ASCII `text` ("_" when it has no letter or digit).
    private static func appendASCIISlug(of text: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        let start = bytes.count
        var pendingHyphen = false
        for byte in text {
            let lower = KeyNormalizer.foldASCII(byte)
            if lower &- 0x61 < 26 || lower &- 0x30 < 10 {
                if pendingHyphen, bytes.count > start { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(lower)
            } else if byte != 0x27 {
                pendingHyphen = true
            }
        }
        if bytes.count == start { bytes.append(0x5F) }
    }
}
