/// Turns article ids into file names that are safe on any file system and
/// never collide within one output folder.
///
/// The scheme, for an id's text (a number id by its literal):
/// - ASCII letters, digits, `-` and `_` are kept; so is `.`, except as the first
///   character; every other byte is written `%XX` (upper-case hex), so distinct
///   ids give distinct names (`a/b` is `a%2Fb`, `..` is `%2E.`).
/// - The empty id is `~empty`.
/// - A name over 160 bytes keeps its first 140 bytes (never cutting a `%XX`)
///   and ends with `~` and 16 hex digits of the id's 64-bit FNV-1a hash.
/// - A name already used in the folder, compared without case (so case-insensitive
///   file systems are safe too), gets `~2`, `~3`, ... appended: duplicate ids are allowed.
/// `~` never appears in an escaped name, so these forms cannot meet ordinary names.
public struct SafeFileNames {
    private var used: Set<String> = []

    /// A namer that has given out no name yet.
    public init() {}

    /// A new name for `id`, unique in this folder.
    public mutating func name(for id: ArticleID) -> String {
        let base = Self.escape(id.description)
        var name = base
        var copy = 1
        while used.contains(name.lowercased()) {
            copy += 1
            name = "\(base)~\(copy)"
        }
        used.insert(name.lowercased())
        return name
    }

    /// The escaped form of `text`, before duplicates are numbered.
    public static func escape(_ text: String) -> String {
        guard !text.isEmpty else { return "~empty" }
        var name: [UInt8] = []
        var cuts: [Int] = []
        for (index, byte) in text.utf8.enumerated() {
            cuts.append(name.count)
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
                UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.append(byte)
            case UInt8(ascii: ".") where index > 0:
                name.append(byte)
            default:
                name.append(contentsOf: Array("%".utf8))
                name.append(hexDigits[Int(byte >> 4)])
                name.append(hexDigits[Int(byte & 0xF)])
            }
        }
        guard name.count > 160 else { return String(decoding: name, as: UTF8.self) }
        let keep = cuts.last(where: { $0 <= 140 }) ?? 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let digits = String(hash, radix: 16)
        return String(decoding: name[..<keep], as: UTF8.self) + "~" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
