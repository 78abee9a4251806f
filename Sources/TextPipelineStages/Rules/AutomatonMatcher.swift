import TextPipeline

/// Finds a rule's matches: greedy, leftmost-longest, non-overlapping.
///
/// Two passes, both linear in the number of tokens:
/// 1. Right to left, the reversed automaton runs as a state set in which
///    each state keeps the furthest match end of the threads that reached it
///    (threads in one state behave alike from then on, so the furthest end
///    dominates). Whenever a state that can finish consumes token `i`, its end
///    is a match `i ..< end`; the largest is the longest match starting at `i`.
/// 2. Left to right, take the longest match at the first start that has one,
///    continue after its end.
///
/// - Complexity: O(tokens × states of the rule), with no backtracking for any pattern.
struct AutomatonMatcher {
    private var current: [Int32] = []
    private var next: [Int32] = []
    private var active: [Int32] = []
    private var nextActive: [Int32] = []
    private var longest: [Int32] = []

    /// Appends the matches of `automaton` over `tokenCount` tokens to `matches`, as token ranges in order.
    /// - Parameter test: whether token `i` meets spec `s`.
    /// - Throws: ``DeadlineExceeded`` when the article's deadline passes.
    mutating func findMatches(
        _ automaton: PatternAutomaton, tokenCount: Int, context: StageContext,
        test: (_ token: Int, _ spec: Int) -> Bool, into matches: inout [Range<Int>]
    ) throws {
        try longestMatches(automaton, tokenCount: tokenCount, context: context, test: test)
        var start = 0
        while start < tokenCount {
            let end = Int(longest[start])
            if end > start {
                matches.append(start ..< end)
                start = end
            } else {
                start += 1
            }
        }
    }

    /// Fills `longest[i]` with the end of the longest match starting at token `i`, or -1.
    private mutating func longestMatches(
        _ automaton: PatternAutomaton, tokenCount: Int, context: StageContext,
        test: (Int, Int) -> Bool
    ) throws {
        reset(states: automaton.stateCount, tokens: tokenCount)
        var token = tokenCount - 1
        while token >= 0 {
            if token & 4095 == 0 { try context.checkDeadline() }
            for state in automaton.startStates where current[Int(state)] < 0 {
                current[Int(state)] = Int32(token + 1)
                active.append(state)
            }
            var best: Int32 = -1
            for state in active {
                let index = Int(state)
                let end = current[index]
                current[index] = -1
                guard test(token, Int(automaton.specs[index])) else { continue }
                if automaton.accepts[index], end > best { best = end }
                for successor in automaton.successors[Int(automaton.successorStarts[index]) ..< Int(automaton.successorStarts[index + 1])] {
                    let target = Int(successor)
                    if next[target] < 0 { nextActive.append(successor) }
                    if next[target] < end { next[target] = end }
                }
            }
            longest[token] = best
            active.removeAll(keepingCapacity: true)
            swap(&current, &next)
            swap(&active, &nextActive)
            token -= 1
        }
    }

    private mutating func reset(states: Int, tokens: Int) {
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: repeatElement(-1, count: states))
        next.removeAll(keepingCapacity: true)
        next.append(contentsOf: repeatElement(-1, count: states))
        active.removeAll(keepingCapacity: true)
        nextActive.removeAll(keepingCapacity: true)
        longest.removeAll(keepingCapacity: true)
        longest.append(contentsOf: repeatElement(-1, count: tokens))
    }
}
