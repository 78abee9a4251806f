/// A named layer of labelled byte ranges, written by custom stages and
/// emitted under `spans.<name>` in the output.
public struct SpanLayer: Sendable, Equatable {
    public private(set) var starts: [Int32] = []
    public private(set) var ends: [Int32] = []
    public private(set) var labels: [String?] = []

    public init() {}

    public var count: Int { starts.count }

    /// Appends the span `range` (UTF-8 byte offsets) with an optional label.
    public mutating func append(bytes range: Range<Int>, label: String?) {
        starts.append(Int32(range.lowerBound))
        ends.append(Int32(range.upperBound))
        labels.append(label)
    }
}

/// A keyword or keyphrase of a document. Higher scores are better; scores are
/// comparable within one article and one stage.
public struct Keyword: Sendable, Equatable {
    public var text: String
    public var score: Double
    public init(text: String, score: Double) {
        self.text = text
        self.score = score
    }
}
