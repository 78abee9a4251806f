import Foundation
import TextPipeline
@testable import TextPipelineStages

/// Inputs that reach defects listed in issue 15 and fixed on other branches.
///
/// The harnesses skip these inputs, so that a campaign can go on past a known
/// defect and find new ones. Each filter names its defect; remove it when the
/// fix is merged, and the fuzzer checks the fix from then on.
public enum KnownDefects {
    /// Issue 15 defect 10: back-references in `regex:` run super-polynomially, and nested
    /// counted repetitions take gigabytes to compile. Skips text with a YAML escape that
    /// could spell a regex key or a backslash (`\x`, `\u`, `\U`, `\N`), and text that
    /// names `regex` and holds a backslash before a digit or two counted repetitions.
    public static func mayLoad(_ yaml: String) -> Bool {
        let bytes = Array(yaml.utf8)
        var counted = 0, backReference = false
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "\\") || bytes[index] == UInt8(ascii: "{") {
            let next = bytes[index + 1]
            if bytes[index] == UInt8(ascii: "{") {
                if next >= 0x30 && next <= 0x39 || next == UInt8(ascii: ",") { counted += 1 }
            } else if "xuUN".utf8.contains(next) {
                return false
            } else if next >= 0x30 && next <= 0x39 {
                backReference = true
            }
        }
        return !yaml.contains("regex") || !backReference && counted < 2
    }

    /// Issue 15 defect 12: a vocabulary bucket whose id field is 0 makes a lookup read
    /// `vocabularySpans[-2]` (`CompiledGazetteer+Lookup.swift`), and `verify()` does not
    /// catch it. Skips matching with such a file.
    public static func mayMatch(_ gazetteer: CompiledGazetteer) -> Bool {
        let buckets = gazetteer.vocabularyBuckets
        return !stride(from: 0, to: buckets.count - 3, by: 4).contains { slot in
            buckets[slot] != 0 && buckets[slot] & 0xFFFF_FFFF == 0
        }
    }

    /// Issue 15 defect 7: a numeric id with leading zeros (`{"id":01,...}`) is echoed as
    /// written, which is not valid JSON. True when `line` starts with such an id.
    public static func leadingZeroID(_ line: [UInt8]) -> Bool {
        var rest = line.dropFirst(6)  // {"id":
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        return rest.count >= 2 && rest.first == UInt8(ascii: "0") && (0x30 ... 0x39).contains(rest.dropFirst().first!)
    }
}
