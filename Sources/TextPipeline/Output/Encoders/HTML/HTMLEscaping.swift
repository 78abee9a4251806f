/// Escaping for text that goes into HTML, the one way every piece of article
/// data reaches a report page.
///
/// `&`, `<`, `>`, `"` and `'` become character references everywhere (element
/// content and attribute values alike), so no data can open a tag, close an
/// attribute or end a `<style>`/`<script>` element. Data never becomes a URL:
/// links are built from numbers only.
enum HTMLEscaping {
    /// Appends `bytes` escaped.
    static func append(_ bytes: some Collection<UInt8>, into out: inout JSONBuffer) {
        if bytes.withContiguousStorageIfAvailable({ append(contiguous: $0, into: &out) }) != nil { return }
        Array(bytes).withUnsafeBufferPointer { append(contiguous: $0, into: &out) }
    }

    /// Appends `bytes` escaped; runs that need no escape are copied at once.
    static func append(contiguous bytes: UnsafeBufferPointer<UInt8>, into out: inout JSONBuffer) {
        var runStart = 0
        for index in 0 ..< bytes.count {
            let reference: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): reference = "&amp;"
            case UInt8(ascii: "<"): reference = "&lt;"
            case UInt8(ascii: ">"): reference = "&gt;"
            case UInt8(ascii: "\""): reference = "&quot;"
            case UInt8(ascii: "'"): reference = "&#39;"
            default: continue
            }
            if index > runStart { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index])) }
            out.raw(reference)
            runStart = index + 1
        }
        if bytes.count > runStart { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Appends `text` escaped.
    static func append(_ text: String, into out: inout JSONBuffer) { append(text.utf8, into: &out) }

    /// `text` escaped, as a string.
    static func escaped(_ text: String) -> String {
        var out = JSONBuffer(capacity: text.utf8.count + 16)
        append(text, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Appends `value` as JSON safe inside `<script type="application/json">`:
    /// `<`, `>` and `&` are written `\u003c`, `\u003e`, `\u0026`, so the data
    /// can never contain `</script` or `<!--`; U+2028 and U+2029 are escaped too.
    static func appendScriptJSON(_ value: JSONValue, into out: inout JSONBuffer) {
        var json = JSONBuffer(capacity: 4096)
        json.value(value)
        appendScriptSafe(json.bytes, into: &out)
    }

    /// Appends JSON bytes with the escapes of ``appendScriptJSON(_:into:)``.
    static func appendScriptSafe(_ json: [UInt8], into out: inout JSONBuffer) {
        var index = 0
        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "<"): out.raw("\\u003c")
            case UInt8(ascii: ">"): out.raw("\\u003e")
            case UInt8(ascii: "&"): out.raw("\\u0026")
            case 0xE2 where index + 2 < json.count && json[index + 1] == 0x80 && (json[index + 2] == 0xA8 || json[index + 2] == 0xA9):
                out.raw(json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default: out.bytes.append(byte)
            }
            index += 1
        }
    }
}
