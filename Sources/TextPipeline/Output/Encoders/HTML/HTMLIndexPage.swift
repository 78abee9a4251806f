import Foundation

/// The index page of an HTML report (see ``HTMLReportWriter``).
struct HTMLIndexPage {
    let title: String
    let statistics: ReportStatistics
    let pages: Int

    func render() -> [UInt8] {
        var out = JSONBuffer(capacity: 1 << 20)
        HTMLPageHead.append(reportTitle: title, titleSuffix: " · TextPipeline report", heading: title, into: &out)
        cards(&out)
        out.raw("<h2>Search</h2><p class=\"meta\">Titles, ids and entity names; the first 200 matches are listed.</p>")
        out.raw(
            "<input id=\"q\" type=\"search\" placeholder=\"Search titles and entities…\" autocomplete=\"off\"><p class=\"meta\" id=\"count\"></p><ol id=\"results\"></ol>"
        )
        out.raw("<noscript><p>Search needs JavaScript; the pages are listed below.</p></noscript>")
        charts(&out)
        errors(&out)
        out.raw("<h2>Pages</h2><p class=\"pages\">")
        for number in stride(from: 1, through: pages, by: 1) {
            out.raw("<a href=\"")
            out.bytes.append(contentsOf: HTMLReportWriter.pageName(number).utf8)
            out.raw("\">")
            out.integer(number)
            out.raw("</a>")
        }
        out.raw("</p></main><script type=\"application/json\" id=\"report-data\">")
        HTMLEscaping.appendScriptSafe(searchData(), into: &out)
        out.raw("</script><script>")
        out.raw(HTMLAssets.searchScript)
        out.raw("</script></body></html>\n")
        return out.bytes
    }

    private func cards(_ out: inout JSONBuffer) {
        let items: [(String, Int)] = [
            ("articles", statistics.articles), ("error records", statistics.errors),
            ("entities", statistics.entities), ("distinct labels", statistics.labelCounts.count),
            ("pages", pages),
        ]
        out.raw("<div class=\"cards\">")
        for (name, value) in items {
            out.raw("<div class=\"card\"><b>")
            out.bytes.append(contentsOf: value.formatted().utf8)
            out.raw("</b>")
            HTMLEscaping.append(name, into: &out)
            out.raw("</div>")
        }
        out.raw("</div>")
    }

    private func charts(_ out: inout JSONBuffer) {
        out.raw("<h2>Entities</h2><div class=\"charts\">")
        let labels = statistics.labelsByCount
        chart(
            &out, "Entities by label (mentions)",
            SVGBarChart(
                bars: labels.map {
                    .init(label: $0.label, value: $0.count, color: HTMLLabelColors.index($0.label), tooltip: nil)
                }))
        let topByLabel = statistics.topEntitiesByLabel(10)
        for (label, _) in labels {
            let top = topByLabel[label] ?? []
            chart(
                &out, "Top \(label) entities (mentions)",
                SVGBarChart(
                    bars: top.map { entity in
                        .init(
                            label: entity.name, value: entity.count, color: HTMLLabelColors.index(label),
                            tooltip: entity.canonicalID.map { "\(entity.name) · \($0)" })
                    }))
        }
        let keywords = statistics.topKeywords(20)
        if !keywords.isEmpty {
            chart(
                &out, "Top keywords (articles)",
                SVGBarChart(
                    bars: keywords.map {
                        .init(label: $0.keyword, value: $0.count, color: 5, tooltip: nil)
                    }))
        }
        out.raw("</div>")
    }

    private func chart(_ out: inout JSONBuffer, _ caption: String, _ chart: SVGBarChart) {
        out.raw("<div class=\"chart\"><h3>")
        HTMLEscaping.append(caption, into: &out)
        out.raw("</h3>")
        out.bytes.append(contentsOf: chart.render().utf8)
        out.raw("</div>")
    }

    private func errors(_ out: inout JSONBuffer) {
        let failed = statistics.rows.filter { $0.error != nil }
        out.raw("<h2>Error records</h2>")
        guard !failed.isEmpty else { return out.raw("<p class=\"meta\">None: every article was analysed.</p>") }
        out.raw("<table><tr><th>#</th><th>id</th><th>error</th></tr>")
        for row in failed.prefix(500) {
            out.raw("<tr><td><a href=\"")
            out.bytes.append(contentsOf: HTMLReportWriter.pageName(row.page).utf8)
            out.raw("#a")
            out.integer(row.ordinal)
            out.raw("\">")
            out.integer(row.ordinal)
            out.raw("</a></td><td><code>")
            HTMLEscaping.append(row.id, into: &out)
            out.raw("</code></td><td>")
            HTMLEscaping.append(row.error ?? "", into: &out)
            out.raw("</td></tr>")
        }
        out.raw("</table>")
        if failed.count > 500 { out.raw("<p class=\"meta\">First 500 shown.</p>") }
    }

    /// One object per record: `i` ordinal, `p` page, `t` title, `id`, `e` entity names, `n` entity count, `err`;
    /// keys in sorted order, as ``JSONBuffer/value(_:)`` writes an object, written directly (no value tree per row).
    private func searchData() -> [UInt8] {
        var json = JSONBuffer(capacity: 1 << 20)
        json.raw("[")
        for (index, row) in statistics.rows.enumerated() {
            json.raw(index > 0 ? ",{\"e\":[" : "{\"e\":[")
            for (position, name) in row.entityNames.enumerated() {
                if position > 0 { json.raw(",") }
                json.string(name)
            }
            json.raw("]")
            if let error = row.error {
                json.raw(",\"err\":")
                json.string(error)
            }
            json.raw(",\"i\":")
            json.integer(row.ordinal)
            json.raw(",\"id\":")
            json.string(row.id)
            json.raw(",\"n\":")
            json.integer(row.entityCount)
            json.raw(",\"p\":")
            json.integer(row.page)
            json.raw(",\"t\":")
            json.string(row.title)
            json.raw("}")
        }
        json.raw("]")
        return json.bytes
    }
}
