/// Writes ``BratEncoder`` records into a brat collection folder: `NAME.txt`
/// and `NAME.ann` per article (names from ``SafeFileNames``), error records
/// as JSON lines in `errors.jsonl`, and at the end an `annotation.conf`
/// declaring every entity label seen, so brat shows the collection without
/// configuration warnings.
public final class BratFolderWriter: RecordWriter {
    private let folder: OutputFolder
    private var names = SafeFileNames()
    private var labels: [String] = []
    private var errors: [UInt8] = []

    /// A writer into `folder`, prepared by ``OutputFolder``.
    public init(folder: OutputFolder) { self.folder = folder }

    public func write(_ record: EncodedRecord) throws(OutputError) {
        if record.isError {
            errors.append(contentsOf: record.bytes)
            return
        }
        let name = names.name(for: record.id)
        try folder.write(record.part(0), to: name + ".txt")
        let annotations = record.part(1)
        try folder.write(annotations, to: name + ".ann")
        collectLabels(annotations)
    }

    public func flushIfDue() throws(OutputError) {}

    public func finish() throws(OutputError) {
        if !errors.isEmpty { try folder.write(errors, to: "errors.jsonl") }
        let entities = labels.isEmpty ? "" : labels.joined(separator: "\n") + "\n"
        try folder.write(Array("[entities]\n\(entities)\n[relations]\n\n[events]\n\n[attributes]\n".utf8), to: "annotation.conf")
        try folder.removePrevious()
    }

    /// Adds the labels of `T` lines not seen yet (in order of first appearance).
    private func collectLabels(_ annotations: ArraySlice<UInt8>) {
        for line in annotations.split(separator: 0x0A) where line.first == UInt8(ascii: "T") {
            guard let tab = line.firstIndex(of: 0x09), let space = line[tab...].firstIndex(of: 0x20) else { continue }
            let label = String(decoding: line[(tab + 1) ..< space], as: UTF8.self)
            if !labels.contains(label) { labels.append(label) }
        }
    }
}
