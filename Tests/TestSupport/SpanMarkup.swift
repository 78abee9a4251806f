import Foundation

/// Inline span markup for readable tests: `"[[Kim Jong Un]]PER met [[Xi Jinping]]PER."`
/// yields the plain text and each marked span with its label.
public struct SpanMarkup: Equatable, CustomStringConvertible {
    public struct Span: Equatable, CustomStringConvertible {
        public let text: String
        public let label: String
        public init(text: String, label: String) {
            self.text = text
            self.label = label
        }
        public var description: String { "[[\(text)]]\(label)" }
    }

    public let text: String
    public let spans: [Span]

    /// Parses markup; a label is the run of upper-case ASCII letters after `]]`.
    public init(_ markup: String) {
        var text = ""
        var spans: [Span] = []
        var rest = Substring(markup)
        while let open = rest.range(of: "[[") {
            text += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "]]") else { break }
            let inner = String(rest[..<close.lowerBound])
            rest = rest[close.upperBound...]
            let label = String(rest.prefix { $0.isASCII && ($0.isUppercase || $0 == "_") })
            rest = rest.dropFirst(label.count)
            text += inner
            spans.append(Span(text: inner, label: label))
        }
        text += rest
        self.text = text
        self.spans = spans
    }

    public var description: String { spans.map(\.description).joined(separator: " ") }
}
