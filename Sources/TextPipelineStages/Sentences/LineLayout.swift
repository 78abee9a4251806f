import Foundation

/// The line structure of one text, measured once before splitting.
///
/// A text is *hard-wrapped* (newswire, e-mail, plain-text archives) when its
/// lines were broken to fit a width: at least two lines are followed by
/// another, not indented, line in the same paragraph ("inner lines"), the longest inner line
/// is 50 to 110 characters long (hard wrapping is at 60 to 80 columns), and at least half the inner lines are within
/// 20 characters of that longest one, and no line that is not indented (the
/// last lines of paragraphs included) is more than 10 characters longer than
/// it, which a wrapped text never has; indented lines (tables) may be; and
/// lines are broken inside sentences: at most half the inner lines end
/// with final punctuation (`.`, `!`, `?`, `:`, maybe before a closing quote
/// or bracket), or a quarter or more of them are followed by a line that
/// starts in lower case. Web text with one sentence or paragraph of similar
/// length per line ends nearly every line with one, and starts the next in
/// capitals. Otherwise lines are
/// *authored* (web text, one paragraph, sentence or item per line).
///
/// - Complexity: O(text length), no allocation. Stops at the first line
///   that rules hard wrapping out (most web text has one near the top), and
///   counts code points eight bytes at a time.
struct LineLayout {
    /// Whether the text is hard-wrapped.
    let isWrapped: Bool
    /// The longest inner line, in code points: a lower bound of the wrap
    /// width. Only measured in full for hard-wrapped texts.
    let width: Int

    init(text: UnsafeBufferPointer<UInt8>) {
        let (isWrapped, width) = Self.measureLines(text)
        self.init(isWrapped: isWrapped, width: width)
    }

    private static func measureLines(_ text: UnsafeBufferPointer<UInt8>) -> (isWrapped: Bool, width: Int) {
        guard newline(in: text, from: 0) != nil else { return (false, 0) }
        var lengths = LineStatistics()
        var previousLength = 0  // of the line before, 0 when blank
        var previousEndsFinal = false
        var lineStart = 0
        while lineStart <= text.count {
            let lineEnd = newline(in: text, from: lineStart) ?? text.count
            let line = UnsafeBufferPointer(rebasing: text[lineStart ..< lineEnd])
            let (length, indent) = measure(line)
            let startsLowercase = indent < line.count && line[indent] >= 0x61 && line[indent] <= 0x7A
            lengths.add(line: previousLength, endingFinal: previousEndsFinal, followedBy: length, lowercase: startsLowercase, indented: indent >= 2)
            if lengths.rulesOutWrapping { return (false, lengths.longest) }
            previousLength = length
            previousEndsFinal = endsWithFinalPunctuation(line)
            lineStart = lineEnd + 1
        }
        return (lengths.looksWrapped, lengths.longest)
    }

    /// The offset of the next LF at or after `start`, found with `memchr`.
    private static func newline(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < text.count, let base = text.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, text.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// A line's length in code points without trailing white space, and its
    /// indentation (a tab counts two).
    private static func measure(_ line: UnsafeBufferPointer<UInt8>) -> (length: Int, indent: Int) {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        guard end > 0 else { return (0, 0) }
        var indent = 0
        for byte in line[0 ..< end] {
            if byte == 0x20 { indent += 1 } else if byte == 0x09 { indent += 2 } else { break }
        }
        return (end - continuationBytes(UnsafeBufferPointer(rebasing: line[0 ..< end])), indent)
    }

    /// Whether the line's last visible character is `.`, `!`, `?`, `:` or
    /// `…`, maybe followed by up to two closing quotes or brackets (ASCII or
    /// `”` `’`). O(1): looks at the last few bytes only.
    private static func endsWithFinalPunctuation(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.count - 1
        while index >= 0, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D { index -= 1 }
        for _ in 0 ..< 3 {
            guard index >= 0 else { return false }
            switch line[index] {
            case 0x2E, 0x21, 0x3F, 0x3A: return true
            case 0x22, 0x27, 0x29, 0x5D: index -= 1
            case 0xA6 where index >= 2 && line[index - 2] == 0xE2 && line[index - 1] == 0x80: return true  // …
            case 0x9D where index >= 2 && line[index - 2] == 0xE2 && line[index - 1] == 0x80,
                0x99 where index >= 2 && line[index - 2] == 0xE2 && line[index - 1] == 0x80:
                index -= 3  // ” ’
            default: return false
            }
        }
        return false
    }

    /// Counts UTF-8 continuation bytes (`10xxxxxx`), eight bytes at a time.
    private static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        var count = 0
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Bit 7 of a byte set and bit 6 clear.
            count += (word & ~(word << 1) & ByteLanes.highs).nonzeroBitCount
            index += 8
        }
        for byte in raw[index...] where byte & 0xC0 == 0x80 { count += 1 }
        return count
    }

    init(isWrapped: Bool, width: Int) {
        self.isWrapped = isWrapped
        self.width = width
    }

    /// Counts inner lines in two passes' worth of state without storing them:
    /// the test "within 20 of the longest" is approximated by tracking counts
    /// per 10-character bucket.
    private struct LineStatistics {
        var buckets = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)  // lengths 0..<120 by tens
        var inner = 0
        /// Inner lines that end with final punctuation.
        var endingFinal = 0
        /// Inner lines followed by a line that starts with a lower-case ASCII letter.
        var beforeLowercase = 0
        var longest = 0
        var longestOfAll = 0

        /// Records `line` (trimmed length; `ends`: it ends with final
        /// punctuation; `lowercase`: the next line starts with a lower-case letter) as an inner line when both it and
        /// the next are non-blank and the next is not indented (a new paragraph).
        mutating func add(line: Int, endingFinal ends: Bool, followedBy next: Int, lowercase: Bool, indented: Bool) {
            if !indented { longestOfAll = max(longestOfAll, next) }  // indented tables may be wider
            guard line > 0, next > 0, !indented else { return }
            inner += 1
            if ends { endingFinal += 1 }
            if lowercase { beforeLowercase += 1 }
            longest = max(longest, line)
            let bucket = min(line / 10, 11)
            withUnsafeMutableBytes(of: &buckets) { raw in
                raw.bindMemory(to: Int.self)[bucket] += 1
            }
        }

        /// The widest wrap width taken for hard wrapping, and how much longer another line may be.
        static let maxWidth = 110
        static let slack = 10

        /// A line too long for any wrap width: the text is not hard-wrapped, whatever follows.
        var rulesOutWrapping: Bool { longestOfAll > Self.maxWidth + Self.slack }

        /// Lines broken inside sentences: at most half the inner lines end
        /// with final punctuation (a table's note and the one line after it), or at least a quarter of them are followed
        /// by a line starting in lower case (short newswire items whose
        /// sentences happen to end at line ends: "… sold\nJan. 1, 1986, to …").
        var breaksInsideSentences: Bool {
            endingFinal * 2 <= inner || beforeLowercase > 0 && beforeLowercase * 4 >= inner
        }

        var looksWrapped: Bool {
            guard inner >= 2, longest >= 50, longest <= Self.maxWidth, longestOfAll <= longest + Self.slack,
                breaksInsideSentences
            else { return false }
            let lowest = max(0, (longest - 20) / 10)  // buckets at or above longest - 20, rounded down
            var near = 0
            withUnsafeBytes(of: buckets) { raw in
                let counts = raw.bindMemory(to: Int.self)
                for bucket in lowest ..< 12 { near += counts[bucket] }
            }
            return near * 2 >= inner
        }
    }
}
