/// Chooses non-overlapping matches under an ``OverlapPolicy``.
enum OverlapResolver {
    /// The chosen entity matches, sorted by start (``EntryKind/entity``; weak evidence is skipped) into a
    /// buffer the caller reuses (emptied first). `matches` must be sorted by start.
    /// - Complexity: O(n) for leftmost-longest, O(n log n) for priority.
    static func resolveEntities(_ matches: [GazetteerMatch], policy: OverlapPolicy, into chosen: inout [GazetteerMatch]) {
        chosen.removeAll(keepingCapacity: true)
        switch policy {
        case .longest, .all: leftmostLongestEntities(matches, into: &chosen)
        case .priority: chosen = byPriority(matches.filter { $0.kind == .entity })
        }
    }

    /// Leftmost start, then longest, then priority, then earlier gazetteer; only entity matches.
    private static func leftmostLongestEntities(_ matches: [GazetteerMatch], into chosen: inout [GazetteerMatch]) {
        matches.withUnsafeBufferPointer { matches in
            var index = 0
            var chosenEnd = Int.min
            while index < matches.count {
                let start = matches[index].start
                var best = -1
                while index < matches.count, matches[index].start == start {
                    if matches[index].kind == .entity, best < 0 || better(matches[index], than: matches[best]) { best = index }
                    index += 1
                }
                if best >= 0, chosenEnd <= start {
                    chosen.append(matches[best])
                    chosenEnd = matches[best].end
                }
            }
        }
    }

    @inline(__always)
    private static func better(_ a: GazetteerMatch, than b: GazetteerMatch) -> Bool {
        if a.length != b.length { return a.length > b.length }
        if a.priority != b.priority { return a.priority > b.priority }
        return a.gazetteer < b.gazetteer
    }

    /// Highest priority first, then longest, then leftmost; a match is kept when it overlaps no kept one.
    static func byPriority(_ matches: [GazetteerMatch]) -> [GazetteerMatch] {
        let ordered = matches.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.length != b.length { return a.length > b.length }
            return (a.start, a.gazetteer) < (b.start, b.gazetteer)
        }
        var taken = Set<Int>()
        var chosen: [GazetteerMatch] = []
        for match in ordered where !(match.start ..< match.end).contains(where: taken.contains) {
            taken.formUnion(match.start ..< match.end)
            chosen.append(match)
        }
        return chosen.sorted { $0.start < $1.start }
    }
}
