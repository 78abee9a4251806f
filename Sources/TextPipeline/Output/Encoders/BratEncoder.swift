/// Encodes documents as brat standoff: each article becomes `ID.txt` (its
/// text, unchanged) and `ID.ann` (``BratFolderWriter`` names and writes them).
///
///     T1<TAB>ORG 4 19<TAB>Bank of Norland
///     N1<TAB>Reference T1 tp:org/bank-of-norland<TAB>Bank of Norland
///
/// Offsets are code points into the `.txt` (as brat, in Python, counts them),
/// whatever `--offsets` says. An entity that crosses a line break is written
/// as brat's discontinuous fragments (`start end;start end`), since brat cannot
/// show a span across lines; its text field joins the fragments with a space.
/// The canonical id becomes a normalization (`N` line, `DB:ID`; an id without
/// a colon is written `textpipe:ID`). Labels with white space have it replaced
/// by `_` (brat types are single words).
///
/// The record has two parts: the text, then the annotations. An error record
/// has one part, its JSON error line, which the writer appends to `errors.jsonl`.
public struct BratEncoder: DocumentEncoder {
    /// A brat encoder; it has no options.
    public init() {}

    public var framing: RecordFraming { .folder }

    public func encode(_ document: Document, into out: inout EncodedRecord) {
        out.buffer.bytes.append(contentsOf: document.utf8)
        out.beginPart()
        var converter = OffsetConverter(utf8: document.utf8, unit: .codepoint)
        let entities = document.entities
        for index in 0 ..< entities.count {
            let bytes = document.byteRange(ofTokens: entities.tokenRange(index))
            let fragments = Self.fragments(of: bytes, in: document.utf8)
            out.buffer.raw("T")
            out.buffer.integer(index + 1)
            out.buffer.raw("\t")
            CoNLLFields.token(entities.labels[index].rawValue, into: &out.buffer)
            for (number, fragment) in fragments.enumerated() {
                out.buffer.raw(number == 0 ? " " : ";")
                out.buffer.integer(converter.convert(fragment.lowerBound))
                out.buffer.raw(" ")
                out.buffer.integer(converter.convert(fragment.upperBound))
            }
            out.buffer.raw("\t")
            let textStart = out.buffer.bytes.count
            for (number, fragment) in fragments.enumerated() {
                if number > 0 { out.buffer.raw(" ") }
                out.buffer.bytes.append(contentsOf: document.utf8[fragment])
            }
            let text = Array(out.buffer.bytes[textStart...])
            out.buffer.raw("\n")
            guard entities.hasCanonicalID(index) else { continue }
            out.buffer.raw("N")
            out.buffer.integer(index + 1)
            out.buffer.raw("\tReference T")
            out.buffer.integer(index + 1)
            out.buffer.raw(" ")
            entities.withCanonicalIDBytes(index) { id in
                if !id.contains(UInt8(ascii: ":")) { out.buffer.raw("textpipe:") }
                for byte in id { out.buffer.bytes.append(byte <= 0x20 ? UInt8(ascii: "_") : byte) }
            }
            out.buffer.raw("\t")
            out.buffer.bytes.append(contentsOf: text)
            out.buffer.raw("\n")
        }
    }

    public func encode(_ error: ErrorRecord, into out: inout EncodedRecord) {
        JSONLinesEncoder(options: OutputOptions()).encode(error, into: &out)
    }

    /// `range` cut at line breaks (CR, LF), with the line breaks left out.
    static func fragments(of range: Range<Int>, in text: [UInt8]) -> [Range<Int>] {
        var fragments: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where text[index] == 0x0A || text[index] == 0x0D {
            if index > start { fragments.append(start ..< index) }
            start = index + 1
        }
        if range.upperBound > start { fragments.append(start ..< range.upperBound) }
        return fragments.isEmpty ? [range] : fragments
    }
}
