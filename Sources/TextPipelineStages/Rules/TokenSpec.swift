import TextPipeline

/// The conditions one token must meet, all at once (a conjunction). A spec
/// with no conditions matches any token.
///
/// Every condition is tested on bytes: the token's text, its lower-case form
/// and shape from ``TokenFeatures``, its kind, and the entity label map.
struct TokenSpec: Sendable {
    /// Any of these exact texts.
    var texts: ByteSet?
    /// Any of these lower-case texts.
    var lowers: ByteSet?
    /// Any of these shapes.
    var shapes: ByteSet?
    /// A bit per ``TokenKind`` raw value; 0 means no condition.
    var kindMask: UInt16 = 0
    /// Word lists the token must belong to (any of them), with whether each compares lower-case forms.
    var wordLists: [(words: ByteSet, ignoreCase: Bool)] = []
    /// Indices into the rule set's label table the entity must carry; empty with `anyEntity` false means no condition.
    var entityLabels: [Int32] = []
    /// The token must lie inside some entity, whatever its label.
    var anyEntity = false
    /// Index into the rule set's regular expressions, if any.
    var regex: Int?

    /// Whether the spec reads lower-case forms.
    var readsLower: Bool { lowers != nil || wordLists.contains(where: \.ignoreCase) }
    /// Whether the spec reads shapes.
    var readsShape: Bool { shapes != nil }

    /// Whether the spec tests entity labels.
    var readsEntities: Bool { anyEntity || !entityLabels.isEmpty }

    /// Whether token `index` meets every condition.
    /// - Parameters:
    ///   - token: the token's bytes.
    ///   - regexes: the worker's compiled copies of the rule set's expressions.
    func matches(_ index: Int, token: UnsafeBufferPointer<UInt8>, kind: TokenKind, features: TokenFeatures, regexes: [PosixRegex]) -> Bool {
        if kindMask != 0, kindMask & (1 << UInt16(kind.rawValue)) == 0 { return false }
        if let texts, !texts.contains(token) { return false }
        if let lowers, !features.withLower(index, { lowers.contains($0) }) { return false }
        if let shapes, !features.withShape(index, { shapes.contains($0) }) { return false }
        if !wordLists.isEmpty, !inWordList(index, token: token, features: features) { return false }
        if readsEntities {
            let label = features.entityLabel[index]
            if label < 0 || (!anyEntity && !entityLabels.contains(label)) { return false }
        }
        if let regex, !regexes[regex].matches(token) { return false }
        return true
    }

    private func inWordList(_ index: Int, token: UnsafeBufferPointer<UInt8>, features: TokenFeatures) -> Bool {
        for list in wordLists {
            let found = list.ignoreCase ? features.withLower(index) { list.words.contains($0) } : list.words.contains(token)
            if found { return true }
        }
        return false
    }
}
