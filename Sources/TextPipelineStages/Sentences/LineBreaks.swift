/// Line breaks in the white space between two tokens.
enum LineBreaks {
    /// Counts line breaks in `bytes[range]`: LF, CR, CRLF (once), VT, FF, NEL,
    /// U+2028. U+2029 (paragraph separator) counts as two, a blank line.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x0B, 0x0C:
                count += 1
            case 0x0D:
                count += 1
                if index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
            case 0xC2 where index + 1 < range.upperBound && bytes[index + 1] == 0x85:
                count += 1
                index += 1
            case 0xE2 where index + 2 < range.upperBound && bytes[index + 1] == 0x80:
                if bytes[index + 2] == 0xA8 { count += 1 }
                if bytes[index + 2] == 0xA9 { count += 2 }
                index += 2
            default:
                break
            }
            index += 1
        }
        return count
    }
}
