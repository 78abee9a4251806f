import Foundation
import TextPipeline

/// Facts about the running process, from /proc on Linux.
package enum ProcessStats {
    /// Peak resident set size in bytes (VmHWM), or nil where /proc is unavailable.
    package static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
        }
        return nil
    }
}
