import TextPipeline

/// The conditions one token must meet, all at once (a conjunction). A spec
/// with no conditions matches any token.
///
/// Every condition is tested on bytes: the token's text, its lower-case form
/// and shape from ``RuleTokenFeatures``, its kind, and the entity label map.
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

    /// Whether the token seen through `view` meets every condition.
    /// - Parameter regexes: the worker's compiled copies of the rule set's expressions.
    func matches(_ view: RuleTokenView, regexes: [PosixRegex]) -> Bool {
        if kindMask != 0, kindMask & (1 << UInt16(view.kind.rawValue)) == 0 { return false }
        if let texts, !texts.contains(view.text, hash: view.textHash) { return false }
        if let lowers, !lowers.contains(view.lower, hash: view.lowerHash) { return false }
        if let shapes, !shapes.contains(view.shape) { return false }
        if !wordLists.isEmpty, !inWordList(view) { return false }
        if readsEntities {
            if view.entityLabel < 0 || (!anyEntity && !entityLabels.contains(view.entityLabel)) { return false }
        }
        if let regex, !regexes[regex].matches(view.text) { return false }
        return true
    }

    private func inWordList(_ view: RuleTokenView) -> Bool {
        for list in wordLists {
            let found = list.ignoreCase ? list.words.contains(view.lower, hash: view.lowerHash) : list.words.contains(view.text, hash: view.textHash)
            if found { return true }
        }
        return false
    }
}

/// One token as specs see it: its bytes, lower-case form and shape (empty
/// when no spec reads them), their hashes, its kind and entity label index.
struct RuleTokenView {
    var text: UnsafeBufferPointer<UInt8>
    var textHash: UInt64
    var lower: UnsafeBufferPointer<UInt8>
    var lowerHash: UInt64
    var shape: UnsafeBufferPointer<UInt8>
    var kind: TokenKind
    var entityLabel: Int32
}
