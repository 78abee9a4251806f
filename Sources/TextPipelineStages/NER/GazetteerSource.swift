import Foundation

/// One row of a gazetteer source file.
public struct GazetteerEntry: Sendable, Equatable {
    /// The name as written (`Bank of England`).
    public var surface: String
    /// The entity label.
    public var label: GazetteerLabel
    /// The namespaced canonical id; derived from label and surface when the source gives none.
    public var canonicalID: String
    /// Higher wins when two entries match the same span. Range −1000…1000.
    public var priority: Int16
    /// How case is compared for this entry.
    public var casePolicy: CasePolicy
    /// Whether the row is an entity or a hint for the rules.
    public var kind: EntryKind

    /// An entry; without a `canonicalID` one is derived from the label and surface.
    public init(
        surface: String, label: GazetteerLabel, canonicalID: String? = nil, priority: Int16 = 0,
        casePolicy: CasePolicy = .auto, kind: EntryKind = .entity
    ) {
        self.surface = surface
        self.label = label
        self.canonicalID = canonicalID ?? CanonicalID.derive(label: label, surface: surface)
        self.priority = priority
        self.casePolicy = casePolicy
        self.kind = kind
    }
}

/// A malformed gazetteer source line: names the file and the 1-based line.
public struct GazetteerSourceError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The source file.
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// What is wrong with the line.
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads the TSV gazetteer source format (see docs/gazetteer.md).
///
/// Columns: `surface`, `label`, then optional `id`, `priority`, `case`, `kind`.
/// A first line whose first cell is `surface` is a header; it may name the
/// columns in any order (`type` = `label`, `canonical` = `id`) and may hold
/// extra columns, which are ignored. Without a header the order above is used.
/// Blank lines and lines starting with `#` are skipped. In `canonical`-style
/// cells only the part before the first `|` is the id.
public enum GazetteerSource {
    static let knownColumns = ["surface", "label", "id", "priority", "case", "kind"]
    static let aliases = ["type": "label", "canonical": "id", "evidence": "kind"]

    /// Parses a whole file. - Throws: ``GazetteerSourceError`` on the first bad line.
    public static func read(path: String) throws -> [GazetteerEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GazetteerSourceError(file: path, line: 0, message: "cannot read the file")
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    /// Parses source text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> [GazetteerEntry] {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses UTF-8 source bytes line by line, creating strings only for cells that are kept.
    /// - Throws: ``GazetteerSourceError`` for invalid UTF-8 or a bad line.
    public static func parse(bytes: [UInt8], file: String) throws -> [GazetteerEntry] {
        var columns = Dictionary(uniqueKeysWithValues: knownColumns.enumerated().map { ($1, $0) })
        var entries: [GazetteerEntry] = []
        var sawData = false
        var lineNumber = 0
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while position < bytes.count {
            lineNumber += 1
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { position = end + 1 }
            var lineEnd = end
            if lineEnd > position, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == position || bytes[position] == 0x23 { continue }
            guard let line = String(validating: bytes[position ..< lineEnd], as: UTF8.self) else {
                throw GazetteerSourceError(file: file, line: lineNumber, message: "the line is not valid UTF-8")
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
            if !sawData, cells[0].lowercased() == "surface" {
                columns = try header(cells, file: file, line: lineNumber)
                continue
            }
            sawData = true
            entries.append(try entry(cells, columns: columns, file: file, line: lineNumber))
        }
        return entries
    }

    /// The cell without surrounding spaces (ASCII spaces only: cheap, and what TSV editors add).
    static func trimmed(_ cell: Substring) -> String {
        var cell = cell
        while cell.first == " " { cell = cell.dropFirst() }
        while cell.last == " " { cell = cell.dropLast() }
        return String(cell)
    }

    static func header(_ cells: [String], file: String, line: Int) throws -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, cell) in cells.enumerated() {
            let name = aliases[cell.lowercased()] ?? cell.lowercased()
            if knownColumns.contains(name), columns[name] == nil { columns[name] = index }
        }
        guard columns["label"] != nil else {
            throw GazetteerSourceError(file: file, line: line, message: "the header has no 'label' (or 'type') column")
        }
        return columns
    }

    static func entry(_ cells: [String], columns: [String: Int], file: String, line: Int) throws -> GazetteerEntry {
        func cell(_ name: String) -> String {
            guard let index = columns[name], index < cells.count else { return "" }
            return cells[index]
        }
        func fail(_ message: String) -> GazetteerSourceError { GazetteerSourceError(file: file, line: line, message: message) }
        let surface = cell("surface")
        guard !surface.isEmpty else { throw fail("empty surface form") }
        guard surface.utf8.count <= 1000 else { throw fail("surface form longer than 1000 bytes") }
        guard let labelIndex = columns["label"], labelIndex < cells.count, !cells[labelIndex].isEmpty else {
            throw fail("missing label (expected surface<TAB>label)")
        }
        guard let label = GazetteerLabel(parsing: cell("label")) else {
            throw fail("unknown label '\(cell("label"))'; expected PER, LOC, ORG, MISC or a long form such as PERSON, LOCATION, GPE, ORGANIZATION")
        }
        let idCell = cell("id").split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if !idCell.isEmpty, !CanonicalID.isValid(idCell) {
            throw fail("canonical id '\(idCell)' must be namespace:value with no spaces or tabs")
        }
        let priorityCell = cell("priority")
        guard let priority = priorityCell.isEmpty ? 0 : Int16(priorityCell), (-1000 ... 1000).contains(priority) else {
            throw fail("priority '\(priorityCell)' is not an integer from -1000 to 1000")
        }
        guard let casePolicy = CasePolicy(parsing: cell("case")) else {
            throw fail("case '\(cell("case"))' is not one of auto, exact, insensitive")
        }
        guard let kind = EntryKind(parsing: cell("kind")) else {
            throw fail("kind '\(cell("kind"))' is not one of entity, first_name, surname, weak")
        }
        return GazetteerEntry(
            surface: surface, label: label, canonicalID: idCell.isEmpty ? nil : idCell,
            priority: priority, casePolicy: casePolicy, kind: kind)
    }
}
