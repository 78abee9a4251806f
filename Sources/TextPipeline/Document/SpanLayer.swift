/// A named layer of labelled byte ranges, written by custom stages and
/// emitted under `spans.<name>` in the output.
public struct SpanLayer: Sendable, Equatable {
    /// The UTF-8 byte offset where each span starts.
    public private(set) var starts: [Int32] = []
    /// The UTF-8 byte offset just past each span.
    public private(set) var ends: [Int32] = []
    /// Each span's label, or nil (written as `null`).
    public private(set) var labels: [String?] = []

    /// An empty layer.
    public init() {}

    /// The number of spans.
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
    /// The keyword as it appears in the text (or its normalised form, as the stage chooses).
    public var text: String
    /// The stage's score; higher is better.
    public var score: Double
    /// A keyword with its score.
    public init(text: String, score: Double) {
        self.text = text
        self.score = score
    }
}
