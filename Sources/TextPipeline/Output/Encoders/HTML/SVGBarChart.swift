/// A horizontal bar chart as inline SVG (no script, no external file).
struct SVGBarChart {
    struct Bar {
        var label: String
        var value: Int
        /// Index into ``HTMLLabelColors/fills``.
        var color: Int
        /// Hover text; the label when nil.
        var tooltip: String?
    }

    var bars: [Bar]

    /// The SVG markup; every label and tooltip is escaped.
    func render() -> String {
        let rowHeight = 22, labelWidth = 170, barWidth = 230, width = 460
        let height = max(1, bars.count) * rowHeight + 4
        let top = max(1, bars.map(\.value).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 2
            let length = max(2, bar.value * barWidth / top)
            let label = bar.label.count > 26 ? String(bar.label.prefix(25)) + "…" : bar.label
            svg += "<g><title>\(HTMLEscaping.escaped(bar.tooltip ?? bar.label)): \(bar.value)</title>"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLEscaping.escaped(label))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(HTMLLabelColors.fills[bar.color])\" stroke=\"\(HTMLLabelColors.strokes[bar.color])\"/>"
            svg += "<text class=\"n\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(bar.value)</text></g>"
        }
        return svg + "</svg>"
    }
}
