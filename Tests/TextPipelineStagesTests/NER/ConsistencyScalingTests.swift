import Foundation
import TestSupport
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The document-level consistency rules run in (near) linear time: an article made of many
/// "Name Agency (NAGE) met." once took quadratic time in the acronym rule (1 MB: 2.7 s, 4 MB: 38 s).
@Suite struct ConsistencyScalingTests {
    /// The NER stage (bundled rules) over `count` copies of the acronym sentence: best-of-two
    /// CPU seconds of this thread, and the entities found. CPU time, not the wall clock: under
    /// the sanitizers with the whole suite in parallel on a loaded machine, wall-clock times of
    /// the two sizes were taken in different busy spells (ratio 9.4 in CI; 4.0 alone).
    func tag(copies count: Int) throws -> (seconds: Double, entities: [String]) {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source("Moscow\tLOC\n", in: folder)
        let gazetteer = try GazetteerStore.shared.compiled(sources: [source], cacheFolder: folder.path)
        var worker = try GazetteerNERStage(gazetteers: [gazetteer], rules: true).makeWorker()
        let input = try NERFixture.tokenized(String(repeating: "Name Agency (NAGE) met. ", count: count))
        var best = Double.infinity, tagged = input
        for _ in 0 ..< 2 {
            tagged = input
            let started = ThreadCPUClock.seconds()
            try worker.process(&tagged, context: StageContext())
            best = min(best, ThreadCPUClock.seconds() - started)
        }
        let entities = (0 ..< tagged.entities.count).map { "\(tagged.text(ofEntity: $0))/\(tagged.entities.labels[$0].rawValue)" }
        return (best, entities)
    }

    @Test func acronymsInheritInLinearTime() throws {
        // Best of three calls, sizes alternating, so that a busy machine (the whole suite runs in
        // parallel) slows both sizes alike; one slow spell no longer fails the ratio.
        var small = try tag(copies: 2_500), large = try tag(copies: 10_000)
        for _ in 0 ..< 2 {
            let nextSmall = try tag(copies: 2_500), nextLarge = try tag(copies: 10_000)
            if nextSmall.seconds < small.seconds { small = nextSmall }
            if nextLarge.seconds < large.seconds { large = nextLarge }
        }
        // Every acronym inherits its expansion's label: the rule ran on every copy.
        #expect(large.entities.count == 20_000)
        #expect(large.entities.prefix(2) == ["Name Agency/ORG", "NAGE/ORG"])
        #expect(Set(large.entities) == ["Name Agency/ORG", "NAGE/ORG"])
        // Four times the text: about four times the time when linear, sixteen when quadratic.
        let ratio = large.seconds / small.seconds
        print("acronym scaling: 2,500 copies \(small.seconds) s, 10,000 copies \(large.seconds) s, ratio \(ratio)")
        #expect(ratio < 8, "2,500 copies: \(small.seconds) s, 10,000 copies: \(large.seconds) s")
    }
}
