import TextPipeline

/// Sports results and standings: "Northampton 46 West Hartlepool 20", "CHICAGO 71 64 .526".
extension RuleTagger {
    /// A place name that starts a result (right after the line start, a number or punctuation,
    /// and right before a score of at most three digits that is not part of a date) names a
    /// team: ORG. Places after "v" / "vs" opposite a team are teams too.
    mutating func relabelTeams() {
        for index in scratch.candidates.indices where scratch.candidates[index].label == .location {
            let candidate = scratch.candidates[index]
            if startsResult(candidate) || followsVersus(candidate) { scratch.candidates[index].label = .organization }
        }
    }

    private func startsResult(_ candidate: Candidate) -> Bool {
        let kinds = tokens.kinds
        let score = candidate.end
        guard score < kinds.count, kinds[score] == .number, byteRange(score).count <= 3,
            !token(score, is: .segmentStart)
        else { return false }
        let before = candidate.start - 1
        guard token(candidate.start, is: .segmentStart) || kinds[before] == .number || kinds[before] == .punctuation else { return false }
        let after = score + 1
        if after >= kinds.count || token(after, is: .segmentStart) { return true }
        if kinds[after] == .punctuation { return !isByte(after, 0x2D) && !isByte(after, 0x2F) }
        return kinds[after] == .number || token(after, is: .capitalised)
    }

    private func followsVersus(_ candidate: Candidate) -> Bool {
        let before = candidate.start - 1
        guard before >= 0, !token(candidate.start, is: .segmentStart) else { return false }
        let range = byteRange(before)
        guard (1 ... 2).contains(range.count), utf8[range.lowerBound] == UInt8(ascii: "v") else { return false }
        return range.count == 1 || utf8[range.lowerBound + 1] == UInt8(ascii: "s")
    }
}
