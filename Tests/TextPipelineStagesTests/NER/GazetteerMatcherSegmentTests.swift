import Foundation
import Testing
import TextPipeline

@testable import TextPipelineStages

/// The matcher starts walks only at tokens inside the segments it is given, and never carries a
/// walk past its segment's end.
@Suite struct GazetteerMatcherSegmentTests {
    func matcher() throws -> GazetteerMatcher {
        let folder = try NERFixture.folder()
        let source = try NERFixture.source("Kim Jong Un\tPER\nPyongyang\tLOC\tgeonames:1871859\nKCNA\tORG\ttp:org/kcna\n", in: folder)
        let path = folder.appendingPathComponent("g.tpg").path
        try GazetteerCompiler.write(try GazetteerCompiler.compile(sources: [source]).bytes, to: path)
        return GazetteerMatcher(gazetteers: [try CompiledGazetteer(path: path)], options: MatchOptions())
    }

    @Test func walksStartOnlyInsideSegmentsAndStopAtTheirEnds() throws {
        var matcher = try matcher()
        let document = try NERFixture.tokenized("KCNA, Kim Jong Un visited Pyongyang")
        var found: [GazetteerMatch] = []
        matcher.findMatches(in: document, segments: [0 ..< document.tokens.count], into: &found)
        let spans = found.map { $0.start ..< $0.end }
        try #require(spans.count == 3)
        let (agency, name, city) = (spans[0], spans[1], spans[2])
        #expect(agency.count == 1 && name.count == 3 && city.count == 1)
        // A gap over the agency, the name cut after its second token, the city alone.
        let segments = [agency.upperBound ..< name.lowerBound + 2, name.lowerBound + 2 ..< name.upperBound, city]
        matcher.findMatches(in: document, segments: segments, into: &found)
        #expect(found.map { $0.start ..< $0.end } == [city])
    }
}
