/// What a `regex` condition may hold, checked before the pattern reaches `regcomp`.
///
/// glibc accepts back-references in extended expressions (`(a*)\1`), and
/// matching them takes super-polynomial time; it also compiles a bounded repeat
/// by copying its element (`((a{1,255}){1,255}){1,255}` is 16 million copies,
/// gigabytes before `regcomp` returns). Both are refused at load time.
enum PosixRegexLimits {
    /// The most elements a pattern may expand to once bounded repeats are copied out.
    static let maxExpandedSize = 10_000

    /// Throws when `pattern` holds a back-reference or expands past ``maxExpandedSize``.
    /// Other syntax errors are left to `regcomp`, which describes them.
    /// - Complexity: O(pattern length).
    static func check(_ pattern: String) throws(PosixRegexError) {
        let bytes = Array(pattern.utf8)
        // Per open group: the size of the group so far, and of its last element (what a repeat applies to).
        var groups: [(total: Int, last: Int)] = [(0, 0)]
        var index = 0
        func add(_ size: Int) {
            groups[groups.count - 1].total = min(groups[groups.count - 1].total + size, maxExpandedSize + 1)
            groups[groups.count - 1].last = size
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\\"):
                if index < bytes.count, (UInt8(ascii: "1") ... UInt8(ascii: "9")).contains(bytes[index]) {
                    throw PosixRegexError(
                        message: "back-references such as \\\(UnicodeScalar(bytes[index])) are not supported (matching them can take exponential time)")
                }
                index += 1
                add(1)
            case UInt8(ascii: "["):
                index = endOfBracket(bytes, from: index)
                add(1)
            case UInt8(ascii: "("):
                groups.append((0, 0))
            case UInt8(ascii: ")") where groups.count > 1:
                let group = groups.removeLast()
                add(group.total + 1)
            case UInt8(ascii: "|"):
                groups[groups.count - 1].last = 0
            case UInt8(ascii: "{"):
                guard let (copies, end) = bound(bytes, from: index) else {
                    add(1)
                    continue
                }
                index = end
                let last = groups[groups.count - 1].last
                let grown = min(last * copies, maxExpandedSize + 1)
                groups[groups.count - 1].total = min(groups[groups.count - 1].total - last + grown, maxExpandedSize + 1)
                groups[groups.count - 1].last = grown
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                continue
            default:
                add(1)
            }
            if groups[groups.count - 1].total > maxExpandedSize { break }
        }
        let size = groups.reduce(0) { min($0 + $1.total, maxExpandedSize + 1) }
        guard size <= maxExpandedSize else {
            throw PosixRegexError(
                message:
                    "the pattern expands to more than \(maxExpandedSize) elements once its bounded repeats {m,n} are copied out; use fewer or smaller repeats")
        }
    }

    /// The index just past the `]` closing a bracket expression whose `[` is before `start`
    /// (a leading `^` and a first `]` are part of the list; `[:class:]`, `[=e=]` and `[.c.]` are skipped whole).
    private static func endOfBracket(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") { return index + 1 }
            if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ".")].contains(bytes[index + 1])
            {
                let delimiter = bytes[index + 1]
                var close = index + 2
                while close + 1 < bytes.count, !(bytes[close] == delimiter && bytes[close + 1] == UInt8(ascii: "]")) { close += 1 }
                index = close + 2
                continue
            }
            index += 1
        }
        return bytes.count
    }

    /// The number of copies a bound `{m}`, `{m,}`, `{,n}` or `{m,n}` (after `{`, at `start`) makes
    /// of its element, and the index past its `}`; nil when the text is not a bound.
    private static func bound(_ bytes: [UInt8], from start: Int) -> (copies: Int, end: Int)? {
        var index = start
        func number() -> Int? {
            var value: Int?
            while index < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[index]) {
                value = min((value ?? 0) * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            return value
        }
        let low = number()
        var high = low
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
            index += 1
            high = number()
            // `{m,}` is m copies and a star.
            if high == nil { high = (low ?? 0) + 1 }
        }
        guard low != nil || high != nil, index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (max(low ?? 0, high ?? 0, 1), index + 1)
    }
}
