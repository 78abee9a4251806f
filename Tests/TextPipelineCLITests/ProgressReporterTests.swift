import Testing
import TextPipelineCLI

@Suite struct ProgressReporterTests {
    @Test func lineShowsCountsRatesAndETA() {
        let reporter = ProgressReporter(forced: false, totalBytes: 10_000_000)
        let line = reporter.line(articles: 2000, errors: 3, bytes: 5_000_000, seconds: 2)
        #expect(line == "textpipe: 2000 articles, 5.0 MB, 2.5 MB/s, 1000 articles/s, 3 errors, 50%, ETA 0:02")
    }

    @Test func noETAWhenTheSizeIsUnknown() {
        let line = ProgressReporter(forced: false, totalBytes: nil).line(articles: 1, errors: 0, bytes: 1_000_000, seconds: 1)
        #expect(line == "textpipe: 1 articles, 1.0 MB, 1.0 MB/s, 1 articles/s, 0 errors")
    }
}
