/// The sentence layer: each sentence is a half-open range of token indices.
///
/// Sentences are sorted, non-empty and non-overlapping. Their text spans run
/// from the start of their first token to the end of their last token.
///
/// The layer is a random-access collection of those token ranges, indexed from 0:
///
/// ```swift
/// for sentence in document.sentences { print(document.byteRange(ofTokens: sentence)) }
/// let first = document.sentences[0]          // Range<Int> of token indices
/// ```
public struct SentenceLayer: Sendable, Equatable, RandomAccessCollection {
    /// Per sentence, the index of its first token.
    public private(set) var firstTokens: [Int32] = []
    /// Per sentence, the index after its last token.
    public private(set) var endTokens: [Int32] = []

    /// An empty layer.
    public init() {}

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of sentences.
    public var endIndex: Int { firstTokens.count }
    /// The number of sentences.
    public var count: Int { firstTokens.count }
    /// Whether the layer holds no sentence.
    public var isEmpty: Bool { firstTokens.isEmpty }

    /// The token indices of sentence `index`, as ``tokenRange(_:)``.
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> Range<Int> { tokenRange(index) }

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

    /// Moves every sentence's token boundaries through `boundary` (old token index to new), in
    /// place and in order (first, then end, sentence by sentence), for a stage that splits tokens.
    /// - Precondition: `boundary` is strictly increasing, so sentences stay sorted and non-empty.
    package mutating func moveTokenBoundaries(_ boundary: (Int) -> Int) {
        for index in firstTokens.indices {
            firstTokens[index] = Int32(boundary(Int(firstTokens[index])))
            endTokens[index] = Int32(boundary(Int(endTokens[index])))
        }
    }

    /// Removes every sentence, keeping the storage.
    public mutating func removeAll() {
        firstTokens.removeAll(keepingCapacity: true)
        endTokens.removeAll(keepingCapacity: true)
    }

    /// The token indices of sentence `index`.
    public func tokenRange(_ index: Int) -> Range<Int> { Int(firstTokens[index]) ..< Int(endTokens[index]) }
}
