/// The colour class of an entity label: the four built-in labels have their
/// own; any other label gets one of four more, chosen by a hash of its name,
/// so a label keeps its colour across pages and runs.
enum HTMLLabelColors {
    static func colorClass(_ label: String) -> String {
        switch label {
        case "PER": return "c0"
        case "LOC": return "c1"
        case "ORG": return "c2"
        case "MISC": return "c3"
        default:
            var hash: UInt32 = 2_166_136_261
            for byte in label.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return "c\(4 + Int(hash % 4))"
        }
    }

    /// Fill colours by class, for CSS and the SVG charts.
    static let fills = ["#ffd8a8", "#b2f2bb", "#a5d8ff", "#e5dbff", "#ffc9c9", "#c3fae8", "#fff3bf", "#eebefa"]
    static let strokes = ["#e8590c", "#2f9e44", "#1971c2", "#7048e8", "#e03131", "#0c8599", "#f08c00", "#ae3ec9"]

    static func index(_ label: String) -> Int { Int(colorClass(label).dropFirst())! }
}
