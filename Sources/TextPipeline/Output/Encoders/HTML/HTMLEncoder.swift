/// Encodes each article as a `<section>` of an HTML report page: title, id,
/// the text with entities highlighted by label (canonical id on hover) and
/// numbered sentence starts, then keywords. ``HTMLReportWriter`` puts the
/// sections into pages and builds the index from each record's ``RecordSummary``.
///
/// Every piece of data (text, title, id, labels, entity ids, keywords, error
/// messages) goes through `HTMLEscaping`. Entities are `<mark class="e cN">`;
/// an entity overlapping an earlier one is not highlighted (marks cannot
/// overlap). Sentence starts are `<span class="sb">N</span>` markers, so
/// sentences and entities never have to nest.
public struct HTMLEncoder: DocumentEncoder {
    /// The layers the pipeline provides; only those are shown.
    public let layers: Set<LayerName>

    /// An encoder showing `layers`.
    public init(layers: Set<LayerName>) { self.layers = layers }

    public var framing: RecordFraming { .folder }

    public func encode(_ document: Document, into out: inout EncodedRecord) {
        var summary = RecordSummary(title: document.title)
        out.buffer.raw("<header><h2>")
        HTMLEscaping.append(document.title ?? document.id.description, into: &out.buffer)
        out.buffer.raw("</h2><p class=\"meta\">id <code>")
        HTMLEscaping.append(document.id.description, into: &out.buffer)
        out.buffer.raw("</code> · ")
        out.buffer.integer(document.sentences.count)
        out.buffer.raw(" sentences · ")
        out.buffer.integer(document.entities.count)
        out.buffer.raw(" entities</p></header><div class=\"text\">")
        HTMLTextRenderer(document: document).render(into: &out.buffer, summary: &summary)
        out.buffer.raw("</div>")
        if layers.contains(.keywords), !document.keywords.isEmpty {
            out.buffer.raw("<p class=\"kw\">Keywords: ")
            for keyword in document.keywords {
                out.buffer.raw("<span>")
                HTMLEscaping.append(keyword.text, into: &out.buffer)
                out.buffer.raw("</span> ")
                summary.keywords.append(keyword.text)
            }
            out.buffer.raw("</p>")
        }
        out.summary = summary
    }

    public func encode(_ error: ErrorRecord, into out: inout EncodedRecord) {
        var summary = RecordSummary()
        summary.error = "\(error.kind): \(error.message)"
        out.buffer.raw("<header><h2>Error record</h2><p class=\"meta\">id <code>")
        HTMLEscaping.append(error.id.description, into: &out.buffer)
        out.buffer.raw("</code></p></header><p class=\"err\"><b>")
        HTMLEscaping.append(error.kind.rawValue, into: &out.buffer)
        out.buffer.raw("</b> in stage <code>")
        HTMLEscaping.append(error.stage, into: &out.buffer)
        out.buffer.raw("</code>: ")
        HTMLEscaping.append(error.message, into: &out.buffer)
        out.buffer.raw(" (")
        HTMLEscaping.append(error.source, into: &out.buffer)
        out.buffer.raw(" line ")
        out.buffer.integer(error.line)
        out.buffer.raw(")</p>")
        out.summary = summary
    }
}

/// Writes a document's text as escaped HTML with entity marks and sentence markers.
struct HTMLTextRenderer {
    let document: Document

    func render(into out: inout JSONBuffer, summary: inout RecordSummary) {
        let text = document.utf8
        let entities = document.entities
        let sentenceStarts = (0 ..< document.sentences.count).map { document.byteRange(ofTokens: document.sentences.tokenRange($0)).lowerBound }
        var position = 0
        var sentence = 0
        var lastEnd = 0
        /// Copies text up to `end`, with the markers of sentences starting before it (or at it, when `markingEnd`).
        func copy(upTo end: Int, markingEnd: Bool = true) {
            while sentence < sentenceStarts.count, sentenceStarts[sentence] < end || (markingEnd && sentenceStarts[sentence] == end) {
                let start = max(sentenceStarts[sentence], position)
                HTMLEscaping.append(text[position ..< start], into: &out)
                position = start
                sentence += 1
                out.raw("<span class=\"sb\">")
                out.integer(sentence)
                out.raw("</span>")
            }
            HTMLEscaping.append(text[position ..< end], into: &out)
            position = end
        }
        for index in 0 ..< entities.count {
            let bytes = document.byteRange(ofTokens: entities.tokenRange(index))
            guard bytes.lowerBound >= lastEnd else { continue }
            lastEnd = bytes.upperBound
            copy(upTo: bytes.lowerBound)
            let label = entities.labels[index].rawValue
            let canonicalID = entities.canonicalIDs[index]
            out.raw("<mark class=\"e ")
            out.bytes.append(contentsOf: HTMLLabelColors.colorClass(label).utf8)
            out.raw("\" data-label=\"")
            HTMLEscaping.append(label, into: &out)
            out.raw("\" title=\"")
            HTMLEscaping.append(label, into: &out)
            if let canonicalID {
                out.raw(" · ")
                HTMLEscaping.append(canonicalID, into: &out)
            }
            out.raw("\">")
            copy(upTo: bytes.upperBound, markingEnd: false)
            out.raw("</mark>")
            summary.entities.append(RecordSummary.Entity(text: document.text(bytes: bytes), label: label, canonicalID: canonicalID))
        }
        copy(upTo: text.count)
    }
}
