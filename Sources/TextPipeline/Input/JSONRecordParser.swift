/// Parses one JSON-lines record into an ``Article`` without building an
/// object tree: it scans the top-level object once, decodes `id`, `text` and
/// `title`, and validates and skips every other value.
///
/// Contracts (see docs/input-output.md):
/// - `text` must be a string of valid UTF-8; escaped lone surrogates become U+FFFD.
/// - `id` is echoed with its JSON type; a missing or null id becomes `"<source>:<line>"`.
/// - Unknown fields are ignored; the last of duplicate keys wins.
/// - Nesting deeper than ``maximumDepth`` is an `invalid_json` error, never a stack overflow.
/// - Numbers follow JSON's grammar, leading zeros included (`01` is an `invalid_json` error).
public struct JSONRecordParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    /// A parser; it keeps no state between records.
    public init() {}

    /// Parses `bytes` (one line, without its line terminator).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String, line: Int) -> InputRecord {
        var scanner = Scanner(bytes: bytes)
        var fields = Fields()
        let failure: InputError?
        do {
            try scanner.parseRecord(into: &fields)
            failure = nil
        } catch {
            failure = error
        }
        // Built only when needed: string interpolation costs more than parsing a short record's keys.
        let id = fields.id ?? ArticleID.string("\(source):\(line)")
        if let failure { return .failure(id: id, error: failure, source: source, line: line) }
        if let idError = fields.idError { return .failure(id: id, error: idError, source: source, line: line) }
        switch fields.text {
        case .none:
            return .failure(id: id, error: InputError(kind: .missingText, message: "the record has no \"text\" field"), source: source, line: line)
        case .some(.failure(let error)):
            return .failure(id: id, error: error, source: source, line: line)
        case .some(.success(let text)):
            var article = Article(id: id, text: text, title: fields.title, source: source, line: line)
            article.warnings = fields.warnings
            article.language = fields.language
            return .article(article)
        }
    }

    /// What ``parseCut(_:textLimit:)`` found in the kept start of a cut line.
    public struct CutRecord: Sendable {
        /// The id, when it came before the cut.
        public var id: ArticleID?
        /// The start of `text` (its first `textLimit + 1` bytes at most, ending at a
        /// character boundary) or why it is not valid, or nil when `text` was not a
        /// string that started before the cut, or was not decoded (`textLimit` 0).
        public var text: Result<[UInt8], InputError>?
        /// The title, when it was a string that ended before the cut.
        public var title: String?
        /// Notes about fields that were ignored.
        public var warnings: [String] = []
    }

    /// Parses the kept start of a line that was longer than the reader's limit
    /// (see ``LineExtent/isCut``): reads fields up to the cut, decoding at most
    /// `textLimit + 1` bytes of `text`; with `textLimit` 0 the text is only skipped.
    public func parseCut(_ bytes: UnsafeBufferPointer<UInt8>, textLimit: Int) -> CutRecord {
        var scanner = Scanner(bytes: bytes)
        scanner.cutTextLimit = max(0, textLimit)
        var fields = Fields()
        try? scanner.parseRecord(into: &fields)
        var record = CutRecord(id: fields.idError == nil ? fields.id : nil, title: fields.title, warnings: fields.warnings)
        if textLimit > 0 {
            if let partial = scanner.cutText {
                record.text = partial
            } else {
                record.text = fields.text
            }
        }
        return record
    }
}

/// The fields of interest found so far in a record.
private struct Fields {
    var id: ArticleID?
    var idError: InputError?
    var text: Result<[UInt8], InputError>?
    var title: String?
    var language: ArticleLanguage?
    var warnings: [String] = []
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Set when `bytes` is the kept start of a cut line: decode at most this many bytes of
    /// `text` plus one (0: skip it), and keep what was decoded in ``cutText`` when the text is cut.
    var cutTextLimit: Int?
    /// The decoded start of a `text` string that the cut (or ``cutTextLimit``) ended.
    var cutText: Result<[UInt8], InputError>?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Record

    mutating func parseRecord(into fields: inout Fields) throws(InputError) {
        skipWhitespace()
        guard position < bytes.count else { throw invalid("the line holds no JSON value") }
        guard bytes[position] == UInt8(ascii: "{") else { throw invalid("expected a JSON object, found \(describeByte())") }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw invalid("expected a field name in quotes, found \(describeByte())") }
                let key = try parseKey()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try parseField(key, into: &fields)
                skipWhitespace()
                let separator = peek()
                position += 1
                if separator == UInt8(ascii: ",") { continue }
                if separator == UInt8(ascii: "}") { break }
                position -= 1
                throw invalid("expected ',' or '}' after a value, found \(describeByte())")
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw invalid("unexpected \(describeByte()) after the end of the object") }
    }

    enum Key { case id, text, title, lang, other }

    mutating func parseKey() throws(InputError) -> Key {
        let start = position + 1
        try skipString()
        let key = UnsafeBufferPointer(rebasing: bytes[start ..< position - 1])
        if Self.equals(key, "id") { return .id }
        if Self.equals(key, "text") { return .text }
        if Self.equals(key, "title") { return .title }
        if Self.equals(key, "lang") { return .lang }
        return .other
    }

    /// Whether `bytes` are those of `literal` (a byte loop: the generic `elementsEqual` over a String's UTF-8 costs ten times more).
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for index in 0 ..< bytes.count where bytes[index] != expected[index] { return false }
        return true
    }

    mutating func parseField(_ key: Key, into fields: inout Fields) throws(InputError) {
        let first = peek()
        switch key {
        case .text:
            if first == UInt8(ascii: "\""), cutTextLimit == 0 {
                try skipString()
            } else if first == UInt8(ascii: "\""), cutTextLimit == nil {
                fields.text = try parseTextValue()
            } else if first == UInt8(ascii: "\"") {
                fields.text = try parseStringValue(reserving: true)
            } else {
                let kind = describeByte()
                try skipValue(depth: 0)
                fields.text = .failure(InputError(kind: .invalidText, message: "\"text\" must be a string, found \(kind)"))
            }
        case .id:
            fields.idError = nil
            if first == UInt8(ascii: "\"") {
                switch try parseStringValue() {
                case .success(let bytes): fields.id = .string(String(decoding: bytes, as: UTF8.self))
                case .failure(let error):
                    fields.id = nil
                    fields.idError = InputError(kind: error.kind, message: "in \"id\": \(error.message)")
                }
            } else if first == UInt8(ascii: "-") || (first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false) {
                let start = position
                try skipNumber()
                fields.id = .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< position]), as: UTF8.self))
            } else if matchLiteral("null") {
                fields.id = nil
            } else {
                let kind = describeByte()
                try skipValue(depth: 0)
                fields.id = nil
                fields.idError = InputError(kind: .invalidID, message: "\"id\" must be a string or a number, found \(kind)")
            }
        case .title:
            if first == UInt8(ascii: "\"") {
                switch try parseStringValue() {
                case .success(let bytes): fields.title = String(decoding: bytes, as: UTF8.self)
                case .failure: fields.warnings.append("the title is not valid UTF-8 and was ignored")
                }
            } else if matchLiteral("null") {
                fields.title = nil
            } else {
                try skipValue(depth: 0)
                fields.warnings.append("the title is not a string and was ignored")
            }
        case .lang:
            try parseLanguage(into: &fields)
        case .other:
            try skipValue(depth: 0)
        }
    }

    /// `lang`: a BCP 47 tag whose primary subtag names the article's language; null or
    /// absent leaves it to detection; anything else is ignored with a warning.
    mutating func parseLanguage(into fields: inout Fields) throws(InputError) {
        fields.language = nil
        if matchLiteral("null") { return }
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue(depth: 0)
            return fields.warnings.append("the lang field is not a string and was ignored")
        }
        let value = try parseStringValue()
        if case .success(let bytes) = value, let language = ArticleLanguage.fromTag(String(decoding: bytes, as: UTF8.self)) {
            fields.language = language
        } else {
            fields.warnings.append("the lang field is not a language tag such as \"de\" or \"pt-BR\" and was ignored")
        }
    }

    // MARK: Strings

    /// Decodes a string value. Structural errors throw; invalid UTF-8 inside
    /// a well-formed string is returned as a failure so the record keeps its id.
    /// - Parameter reserving: make room for the rest of the line at once (for
    ///   `text`, most of the line) instead of growing the output step by step.
    mutating func parseStringValue(reserving: Bool = false) throws(InputError) -> Result<[UInt8], InputError> {
        position += 1  // opening quote
        var output: [UInt8] = []
        let limit = reserving ? cutTextLimit : nil
        if reserving { output.reserveCapacity(min(bytes.count - position, (limit ?? .max - 1) + 1)) }
        var utf8Error: InputError?
        var runStart = position
        while true {
            // Copy runs of plain ASCII in one go.
            skipPlainASCII()
            if let limit, position - runStart > limit + 1 - output.count { position = runStart + limit + 1 - output.count }
            if position > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< position])) }
            if let limit { try checkCutText(output, limit: limit, utf8Error: utf8Error) }
            guard position < bytes.count else { throw invalid("the string is not terminated (the line ends inside it)") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            } else if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &output)
            } else {
                let length = UTF8Validation.sequenceLength(bytes, at: position)
                if length == 0 {
                    if utf8Error == nil { utf8Error = invalidUTF8() }
                    position += 1
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position ..< position + length]))
                    position += length
                }
            }
            runStart = position
        }
        if let utf8Error { return .failure(utf8Error) }
        return .success(output)
    }

    /// ``parseStringValue(reserving:)`` for `text` outside a cut line: decodes straight into an
    /// array with room for the rest of the line (a decoded string is never longer than its
    /// JSON form), copying runs of plain ASCII at once and writing escapes and validated
    /// UTF-8 sequences in place, instead of appending to a growing array piece by piece.
    mutating func parseTextValue() throws(InputError) -> Result<[UInt8], InputError> {
        position += 1  // opening quote
        var utf8Error: InputError?
        var failure: InputError?
        let output = [UInt8](unsafeUninitializedCapacity: bytes.count - position) { buffer, count in
            count = decodeText(into: buffer, utf8Error: &utf8Error, failure: &failure)
        }
        if let failure { throw failure }
        if let utf8Error { return .failure(utf8Error) }
        return .success(output)
    }

    /// The loop of ``parseTextValue()``: returns how many bytes it wrote into `output`, which
    /// has room for every byte left on the line; a structural error ends it in `failure`.
    private mutating func decodeText(
        into output: UnsafeMutableBufferPointer<UInt8>, utf8Error: inout InputError?, failure: inout InputError?
    ) -> Int {
        var written = 0
        while true {
            let runStart = position
            skipPlainASCII()
            if position > runStart {
                (output.baseAddress! + written).update(from: bytes.baseAddress! + runStart, count: position - runStart)
                written += position - runStart
            }
            guard position < bytes.count else {
                failure = invalid("the string is not terminated (the line ends inside it)")
                return written
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return written
            } else if byte == UInt8(ascii: "\\") {
                // `\n`, `\"` and the other one-letter escapes (most escapes of news text) in place.
                if position + 1 < bytes.count, let unit = Self.shortEscape(bytes[position + 1]) {
                    output[written] = unit
                    written += 1
                    position += 2
                    continue
                }
                do {
                    for unit in UTF8.encode(try parseEscapeScalar())! {
                        output[written] = unit
                        written += 1
                    }
                } catch {
                    failure = error
                    return written
                }
            } else {
                let length = UTF8Validation.sequenceLength(bytes, at: position)
                if length == 0 {
                    if utf8Error == nil { utf8Error = invalidUTF8() }
                    position += 1
                } else {
                    for offset in 0 ..< length { output[written + offset] = bytes[position + offset] }
                    written += length
                    position += length
                }
            }
        }
    }

    /// In a cut line's `text`: keeps `output` in ``cutText`` and throws when it holds more than
    /// `limit` bytes or when the kept bytes end within the next character or escape (at most
    /// 11 bytes of text are given up there).
    mutating func checkCutText(_ output: [UInt8], limit: Int, utf8Error: InputError?) throws(InputError) {
        guard output.count > limit || bytes.count - position < 12 else { return }
        if output.count <= limit, position < bytes.count, bytes[position] == UInt8(ascii: "\"") { return }  // the closing quote
        cutText = utf8Error == nil ? .success(output) : .failure(utf8Error!)
        throw invalid("the line was cut inside \"text\"")
    }

    /// Moves `position` to the next `"`, `\\` or non-ASCII byte, or to the end:
    /// eight bytes at a time while they last, then one by one.
    @inline(__always)
    mutating func skipPlainASCII() {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while position + 8 <= bytes.count {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let quote = chunk ^ (ones &* 0x22)
            let backslash = chunk ^ (ones &* 0x5C)
            // A lane's high bit is set where its byte is zero (exact: lanes never carry).
            let isQuote = ~(((quote & low) &+ low) | quote) & high
            let isBackslash = ~(((backslash & low) &+ low) | backslash) & high
            let stops = (chunk & high) | isQuote | isBackslash
            if stops != 0 {
                position += stops.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80 { return }
            position += 1
        }
    }

    mutating func parseEscape(into output: inout [UInt8]) throws(InputError) {
        appendUTF8(try parseEscapeScalar(), to: &output)
    }

    /// The byte a one-letter escape (`\n`, `\"`...) stands for, or nil for `\u` and invalid escapes
    /// (which `parseEscapeScalar()` reads).
    @inline(__always)
    static func shortEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        default: nil
        }
    }

    /// Reads the escape at `position` (a backslash) and returns the character it stands for;
    /// an escaped lone surrogate is U+FFFD. Its UTF-8 is never longer than the escape.
    mutating func parseEscapeScalar() throws(InputError) -> Unicode.Scalar {
        position += 1
        guard position < bytes.count else { throw invalid("the string is not terminated (the line ends inside an escape)") }
        let escaped = bytes[position]
        position += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(escaped)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800 ... 0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    let saved = position
                    position += 2
                    let low = try parseHex4()
                    if (0xDC00 ... 0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = saved
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00 ... 0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            return Unicode.Scalar(scalar) ?? "\u{FFFD}"
        default:
            position -= 1
            throw invalid("invalid escape '\\\(String(UnicodeScalar(escaped)))'")
        }
    }

    mutating func parseHex4() throws(InputError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw invalid("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw invalid("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        for unit in UTF8.encode(scalar)! { output.append(unit) }
    }

    /// Skips a string, validating its escapes but not decoding it.
    mutating func skipString() throws(InputError) {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                position += 2
            } else {
                position += 1
            }
        }
        throw invalid("the string is not terminated (the line ends inside it)")
    }

    // MARK: Other values

    mutating func skipValue(depth: Int) throws(InputError) {
        guard depth < JSONRecordParser.maximumDepth else { throw invalid("values are nested more than \(JSONRecordParser.maximumDepth) deep") }
        skipWhitespace()
        guard let first = peek() else { throw invalid("the line ends where a value was expected") }
        switch first {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try skipContainer(close: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): try skipContainer(close: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): try skipNumber()
        default:
            if matchLiteral("true") || matchLiteral("false") || matchLiteral("null") { return }
            throw invalid("expected a JSON value, found \(describeByte())")
        }
    }

    mutating func skipContainer(close: UInt8, keyed: Bool, depth: Int) throws(InputError) {
        position += 1
        skipWhitespace()
        if peek() == close {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            if keyed {
                guard peek() == UInt8(ascii: "\"") else { throw invalid("expected a field name in quotes, found \(describeByte())") }
                try skipString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
            }
            try skipValue(depth: depth + 1)
            skipWhitespace()
            let separator = peek()
            if separator == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if separator == close {
                position += 1
                return
            }
            throw invalid("expected ',' or '\(String(UnicodeScalar(close)))', found \(describeByte())")
        }
    }

    mutating func skipNumber() throws(InputError) {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = skipDigits()
        guard integerDigits > 0 else { throw invalid("malformed number at byte \(start)") }
        // JSON has no leading zeros (`0` and `0.5` are numbers, `01` is not): a numeric id is
        // echoed as its literal, so accepting one would write an output line that is not JSON.
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw invalid("malformed number at byte \(start): leading zeros are not allowed in JSON")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw invalid("malformed number at byte \(start)") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw invalid("malformed number at byte \(start)") }
        }
    }

    mutating func skipDigits() -> Int {
        let start = position
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: length)
        guard UnsafeBufferPointer(rebasing: bytes[position ..< position + length]).elementsEqual(expected) else { return false }
        position += length
        return true
    }

    // MARK: Helpers

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws(InputError) {
        guard peek() == byte else { throw invalid("expected '\(String(UnicodeScalar(byte)))', found \(describeByte())") }
        position += 1
    }

    func describeByte() -> String {
        guard let byte = peek() else { return "the end of the line" }
        if byte >= 0x20 && byte < 0x7F { return "'\(String(UnicodeScalar(byte)))' at byte \(position)" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(position)"
    }

    /// The error of the byte at `position`, which starts no valid UTF-8 sequence.
    func invalidUTF8() -> InputError {
        InputError(
            kind: .invalidUTF8, message: "invalid UTF-8 byte 0x\(String(bytes[position], radix: 16, uppercase: true)) at byte \(position)")
    }

    func invalid(_ message: String) -> InputError {
        InputError(kind: .invalidJSON, message: message)
    }
}
