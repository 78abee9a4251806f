import TextPipeline

/// Sports results and standings: "Northampton 46 West Hartlepool 20", "CHICAGO 71 64 .526".
extension RuleTagger {
    /// A place name that starts a result (right after the line start, a number or punctuation,
    /// and right before a score of at most three digits that is not part of a date) names a
    /// team: ORG. Places after "v" / "vs" opposite a team are teams too.
    func relabelTeams(_ candidates: inout [Candidate]) {
        for index in candidates.indices where candidates[index].label == .location {
            let candidate = candidates[index]
            if startsResult(candidate) || followsVersus(candidate) { candidates[index].label = .organization }
        }
    }

    private func startsResult(_ candidate: Candidate) -> Bool {
        let kinds = document.tokens.kinds
        let score = candidate.end
        guard score < kinds.count, kinds[score] == .number, document.tokens.byteRange(score).count <= 3,
              !segmentStart[score] else { return false }
        let before = candidate.start - 1
        guard segmentStart[candidate.start] || kinds[before] == .number || kinds[before] == .punctuation else { return false }
        let after = score + 1
        if after >= kinds.count || segmentStart[after] { return true }
        if kinds[after] == .punctuation { return !isByte(after, 0x2D) && !isByte(after, 0x2F) }
        return kinds[after] == .number || features.capitalised[after]
    }

    private func followsVersus(_ candidate: Candidate) -> Bool {
        let before = candidate.start - 1
        guard before >= 0, !segmentStart[candidate.start] else { return false }
        let range = document.tokens.byteRange(before)
        let word = document.utf8[range]
        return word.elementsEqual("v".utf8) || word.elementsEqual("vs".utf8)
    }
}
