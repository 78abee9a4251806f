import Foundation
import Testing

@testable import TextPipeline

/// Hostile data through every field of an HTML report: nothing of it may become
/// markup, a script, a style or a link.
@Suite struct HTMLReportEscapingTests {
    static let payloads = [
        "<script>document.body.dataset.pwned=1</script>", "</style><b>x</b>", "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)", "javascript:alert(1)", "</script><script>alert(2)</script>", "<!--", "&lt;b&gt;",
    ]
    static let hostile = payloads.joined(separator: " ")

    /// A document whose id, title, text, entity text, label, canonical id and keywords all carry the payloads.
    static func document() -> Document {
        let text = "Intro. " + hostile + " ends. " + hostile
        var document = Document(id: .string(hostile), text: text, title: hostile)
        var offset = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            let start = text.utf8.distance(from: text.utf8.startIndex, to: piece.utf8.startIndex)
            offset = start + piece.utf8.count
            document.tokens.append(start: Int32(start), end: Int32(offset), kind: .word)
        }
        document.sentences.append(tokens: 0 ..< 1)
        document.sentences.append(tokens: 1 ..< document.tokens.count)
        document.entities.append(tokens: 1 ..< 4, label: EntityLabel(rawValue: hostile), canonicalID: hostile)
        document.entities.append(tokens: 5 ..< 9, label: .person, canonicalID: "javascript:alert(1)")
        document.keywords = payloads.map { Keyword(text: $0, score: 1) }
        return document
    }

    /// Writes a report of the hostile document and a hostile error record; returns its pages by name.
    static func report() throws -> [String: String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tp-html-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = HTMLReportWriter(folder: try OutputFolder(preparing: path, format: "html"), title: hostile, articlesPerPage: 1)
        let encoder = HTMLEncoder(layers: [.sentences, .entities, .keywords])
        var record = EncodedRecord()
        record.id = .string(hostile)
        encoder.encode(document(), into: &record)
        try writer.write(record)
        var error = EncodedRecord()
        error.id = .string(hostile)
        error.isError = true
        encoder.encode(
            ErrorRecord(id: .string(hostile), stage: hostile, kind: ErrorKind(rawValue: hostile), message: hostile, source: hostile, line: 3), into: &error)
        try writer.write(error)
        try writer.finish()
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        }
        return pages
    }

    static let allowedTags: Set<String> = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "nav", "a", "span", "main", "h1", "h2",
        "h3", "p", "mark", "section", "header", "code", "div", "b", "input", "ol", "noscript", "svg", "g",
        "text", "rect", "script", "table", "tr", "th", "td",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "name", "content", "href", "class", "id", "title", "data-label", "xmlns",
        "viewBox", "role", "x", "y", "width", "height", "rx", "fill", "stroke", "text-anchor",
        "type", "placeholder", "autocomplete",
    ]

    @Test func noPayloadBecomesMarkup() throws {
        let pages = try Self.report()
        #expect(pages.keys.sorted() == ["articles-0001.html", "articles-0002.html", "index.html"])
        let tag = try Regex(#"<(/?)([!A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>"#)
        let attribute = try Regex(#"([^\s=>]+)(?:="([^"]*)")?"#)
        for (name, page) in pages {
            for match in page.matches(of: tag) {
                let tagName = String(match.output[2].substring!)
                #expect(Self.allowedTags.contains(tagName), "\(name): <\(tagName)>")
                for found in String(match.output[3].substring ?? "").matches(of: attribute) where tagName != "!DOCTYPE" {
                    let attributeName = String(found.output[1].substring!)
                    #expect(Self.allowedAttributes.contains(attributeName), "\(name): \(attributeName) in <\(tagName)>")
                    if attributeName == "href" {
                        let value = String(found.output[2].substring ?? "")
                        #expect(value.wholeMatch(of: try Regex("(index|articles-[0-9]{4})\\.html(#a[0-9]+)?")) != nil, "\(name): href \(value)")
                    }
                }
            }
            // Only the report's own script and style elements: data never opens one.
            #expect(page.components(separatedBy: "<script").count - 1 == (name == "index.html" ? 2 : 0), "\(name)")
            #expect(page.components(separatedBy: "<style").count - 1 == 1, "\(name)")
            #expect(page.components(separatedBy: "</style").count - 1 == 1, "\(name)")
            #expect(page.components(separatedBy: "</script").count - 1 == (name == "index.html" ? 2 : 0), "\(name)")
            #expect(!page.contains("<!--"), "\(name)")
            #expect(!page.contains("<img"), "\(name)")
        }
        #expect(pages["articles-0001.html"]!.contains("&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt;"))
        #expect(pages["articles-0001.html"]!.contains("title=\"PER · javascript:alert(1)\""))
    }

    @Test func embeddedSearchDataCannotEndItsScriptElement() throws {
        let index = try #require(try Self.report()["index.html"])
        let start = try #require(index.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let end = try #require(index.range(of: "</script>", range: start.upperBound ..< index.endIndex))
        let data = String(index[start.upperBound ..< end.lowerBound])
        #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [[String: Any]])
        #expect(rows.first?["t"] as? String == Self.hostile)
        #expect(rows.first?["id"] as? String == Self.hostile)
    }

    @Test func everyEntityIsOneMark() throws {
        let page = try #require(try Self.report()["articles-0001.html"]?.components(separatedBy: "<section").last)
        #expect(page.components(separatedBy: "<mark class=\"e ").count - 1 == 2)
        #expect(page.components(separatedBy: "<span class=\"sb\">").count - 1 == 2)
    }
}
