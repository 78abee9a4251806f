/// The sentence layer: each sentence is a half-open range of token indices.
///
/// Sentences are sorted, non-empty and non-overlapping. Their text spans run
/// from the start of their first token to the end of their last token.
public struct SentenceLayer: Sendable, Equatable {
    /// The first token index of each sentence.
    public private(set) var firstTokens: [Int32] = []
    /// The token index just past each sentence's last token.
    public private(set) var endTokens: [Int32] = []

    /// An empty layer.
    public init() {}

    /// The number of sentences.
    public var count: Int { firstTokens.count }
    /// Whether the layer has no sentence.
    public var isEmpty: Bool { firstTokens.isEmpty }

    /// Appends the sentence made of tokens `first ..< end` (`end > first`).
    public mutating func append(tokens range: Range<Int>) {
        precondition(!range.isEmpty, "a sentence holds at least one token")
        firstTokens.append(Int32(range.lowerBound))
        endTokens.append(Int32(range.upperBound))
    }

    /// Replaces every sentence with those of `other`, copied in bulk: at
    /// most one allocation per column, and none while this layer's storage is
    /// unshared and large enough. For a stage that builds sentences in a
    /// buffer it keeps across documents.
    public mutating func replaceAll(with other: SentenceLayer) {
        removeAll()
        firstTokens.append(contentsOf: other.firstTokens)
        endTokens.append(contentsOf: other.endTokens)
    }

    /// Removes every sentence, keeping the storage for reuse.
    public mutating func removeAll() {
        firstTokens.removeAll(keepingCapacity: true)
        endTokens.removeAll(keepingCapacity: true)
    }

    /// The token indices of sentence `index`.
    public func tokenRange(_ index: Int) -> Range<Int> { Int(firstTokens[index]) ..< Int(endTokens[index]) }
}
