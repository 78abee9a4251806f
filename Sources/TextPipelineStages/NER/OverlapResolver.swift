/// Chooses non-overlapping matches under an ``OverlapPolicy``.
enum OverlapResolver {
    /// The chosen matches, sorted by start. `matches` must be sorted by start.
    /// - Complexity: O(n log n).
    static func resolve(_ matches: [GazetteerMatch], policy: OverlapPolicy) -> [GazetteerMatch] {
        switch policy {
        case .longest, .all: leftmostLongest(matches)
        case .priority: byPriority(matches)
        }
    }

    /// Leftmost start, then longest, then priority, then earlier gazetteer.
    static func leftmostLongest(_ matches: [GazetteerMatch]) -> [GazetteerMatch] {
        var chosen: [GazetteerMatch] = []
        var index = 0
        while index < matches.count {
            var best = matches[index]
            var next = index + 1
            while next < matches.count, matches[next].start == best.start {
                if better(matches[next], than: best) { best = matches[next] }
                next += 1
            }
            if chosen.last.map({ $0.end <= best.start }) ?? true { chosen.append(best) }
            index = next
        }
        return chosen
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
