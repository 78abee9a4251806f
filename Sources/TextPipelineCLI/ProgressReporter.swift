import Foundation
import TextPipeline

/// The progress line on stderr: articles, MB, MB/s, articles/s, errors, and
/// an ETA when the input size is known.
///
/// On a terminal the line is redrawn in place twice a second; off a terminal
/// (only with `--progress`) a line is appended every 5 seconds.
package final class ProgressReporter: RunProgressObserver {
    private let enabled: Bool
    private let isTerminal: Bool
    private let totalBytes: Int?
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var drewSomething = false

    /// - Parameters:
    ///   - forced: `--progress`: report even when stderr is not a terminal.
    ///   - totalBytes: the input size when known (regular uncompressed files), for the ETA.
    package init(forced: Bool, totalBytes: Int?) {
        isTerminal = isatty(STDERR_FILENO) == 1
        enabled = forced || isTerminal
        self.totalBytes = totalBytes
        started = clock.now
        lastDrawn = started
    }

    /// Redraws the line if it is due.
    package func update(articles: Int, errors: Int, bytes: Int) {
        guard enabled else { return }
        let now = clock.now
        guard now - lastDrawn >= (isTerminal ? .milliseconds(500) : .seconds(5)) else { return }
        lastDrawn = now
        draw(line(articles: articles, errors: errors, bytes: bytes, seconds: (now - started).seconds))
    }

    /// Clears the terminal line before the summary is printed.
    package func finish() {
        if enabled, isTerminal, drewSomething { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The progress text (without terminal control codes).
    package func line(articles: Int, errors: Int, bytes: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
        let perSecond = seconds > 0 ? Double(articles) / seconds : 0
        var text =
            "textpipe: \(articles) articles, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(String(format: "%.1f", rate)) MB/s, \(Int(perSecond)) articles/s, \(errors) errors"
        if let totalBytes, totalBytes > 0, rate > 0 {
            let remaining = max(0, Double(totalBytes - bytes) / 1e6 / rate)
            text += String(format: ", %.0f%%, ETA %d:%02d", 100 * Double(bytes) / Double(totalBytes), Int(remaining) / 60, Int(remaining) % 60)
        }
        return text
    }

    private func draw(_ text: String) {
        drewSomething = true
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }
}
