/// The start of every report page, up to and including its `<h1>`: doctype,
/// `<head>` with the document title and the inline style, the top bar naming
/// the report, and the heading. Article pages and the index page both use it.
enum HTMLPageHead {
    /// Appends the head of a page of the report called `reportTitle`.
    /// - Parameters:
    ///   - titleSuffix: follows `reportTitle` in the `<title>`.
    ///   - heading: the `<h1>`. Every text is escaped here.
    static func append(reportTitle: String, titleSuffix: String, heading: String, into out: inout JSONBuffer) {
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
        HTMLEscaping.append(reportTitle, into: &out)
        HTMLEscaping.append(titleSuffix, into: &out)
        out.raw("</title><style>")
        out.raw(HTMLAssets.style)
        out.raw("</style></head><body><nav class=\"top\"><a href=\"index.html\">TextPipeline report</a><span>")
        HTMLEscaping.append(reportTitle, into: &out)
        out.raw("</span></nav><main><h1>")
        HTMLEscaping.append(heading, into: &out)
        out.raw("</h1>")
    }
}
