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
        var index = 0
        while index < matches.count {
            var best: GazetteerMatch?
            let start = matches[index].start
            while index < matches.count, matches[index].start == start {
                let match = matches[index]
                index += 1
                if match.kind != .entity { continue }
                if best.map({ better(match, than: $0) }) ?? true { best = match }
            }
            if let best, chosen.last.map({ $0.end <= best.start }) ?? true { chosen.append(best) }
        }
    }

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
