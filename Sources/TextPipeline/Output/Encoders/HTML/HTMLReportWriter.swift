/// Writes ``HTMLEncoder`` records as a self-contained report folder:
///
/// - `articles-0001.html`, `articles-0002.html`, ...: `articlesPerPage`
///   articles (or error records) each, in input order, the n-th record (from 1)
///   in a section with the element id `a<n>`;
/// - `index.html`, written at the end: counts, charts (inline SVG) of entities
///   by label, the top entities of each label and the top keywords, a search box
///   over titles, ids and entity names, the error records and the page list.
///
/// Pages link to each other by file name; nothing is fetched from the network.
public final class HTMLReportWriter: RecordWriter {
    /// Articles on each page unless the caller says otherwise.
    public static let defaultArticlesPerPage = 100
    private let folder: OutputFolder
    private let articlesPerPage: Int
    private var page = JSONBuffer(capacity: 1 << 20)
    private var onPage = 0
    private var pageNumber = 0
    private var statistics = ReportStatistics()
    private let title: String

    /// - Parameters:
    ///   - folder: the report folder, created or emptied by ``OutputFolder``.
    ///   - title: shown at the top of every page (for example the input's name).
    ///   - articlesPerPage: articles on each `articles-NNNN.html` page (at least 1).
    public init(folder: OutputFolder, title: String, articlesPerPage: Int = defaultArticlesPerPage) {
        self.folder = folder
        self.title = title
        self.articlesPerPage = max(1, articlesPerPage)
    }

    public func write(_ record: EncodedRecord) throws(OutputError) {
        // A full page is written when the next record comes, so that it knows whether to link on.
        if onPage == articlesPerPage { try closePage(last: false) }
        if onPage == 0 { pageNumber += 1 }
        let ordinal = statistics.articles + 1
        page.raw("<section class=\"article")
        if record.isError { page.raw(" error") }
        page.raw("\" id=\"a")
        page.integer(ordinal)
        page.raw("\">")
        page.bytes.append(contentsOf: record.bytes)
        page.raw("</section>\n")
        statistics.add(record.summary ?? RecordSummary(), id: record.id, ordinal: ordinal, page: pageNumber)
        onPage += 1
    }

    public func flushIfDue() throws(OutputError) {}

    public func finish() throws(OutputError) {
        if onPage > 0 { try closePage(last: true) }
        let index = HTMLIndexPage(title: title, statistics: statistics, pages: pageNumber).render()
        try folder.write(index, to: "index.html")
        try folder.removePrevious()
    }

    static func pageName(_ number: Int) -> String {
        let digits = String(number)
        return "articles-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".html"
    }

    /// Writes the current page; `last` when no record follows it (no "next" link).
    private func closePage(last: Bool) throws(OutputError) {
        let first = statistics.articles - onPage + 1
        var out = JSONBuffer(capacity: page.bytes.count + 8192)
        let range = "\(first)–\(statistics.articles)"
        HTMLPageHead.append(reportTitle: title, titleSuffix: " · articles " + range, heading: "Articles " + range, into: &out)
        pager(&out, last: last)
        out.raw(
            "<p class=\"legend\">Entities by label (hover for the canonical id): <mark class=\"lg c0\" data-label=\"PER\">person</mark><mark class=\"lg c1\" data-label=\"LOC\">place</mark><mark class=\"lg c2\" data-label=\"ORG\">organisation</mark><mark class=\"lg c3\" data-label=\"MISC\">other</mark> · <span class=\"sb\">1</span>sentence starts</p>\n"
        )
        out.bytes.append(contentsOf: page.bytes)
        pager(&out, last: last)
        out.raw("</main></body></html>\n")
        try folder.write(out.bytes, to: Self.pageName(pageNumber))
        page.bytes.removeAll(keepingCapacity: true)
        onPage = 0
    }

    private func pager(_ out: inout JSONBuffer, last: Bool) {
        out.raw("<div class=\"pager\"><a href=\"index.html\">Index</a>")
        if pageNumber > 1 {
            out.raw("<a href=\"")
            out.bytes.append(contentsOf: Self.pageName(pageNumber - 1).utf8)
            out.raw("\">← previous page</a>")
        }
        if !last {
            out.raw("<a href=\"")
            out.bytes.append(contentsOf: Self.pageName(pageNumber + 1).utf8)
            out.raw("\">next page →</a>")
        }
        out.raw("</div>")
    }
}
