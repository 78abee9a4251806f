/// A rule's pattern compiled, when rules load, into a Thompson NFA over the
/// *reversed* token order, flattened into tables for simulation.
///
/// Only token-consuming states are kept; each one lists, after the epsilon
/// closure, the consuming states it leads to and whether it can finish a
/// match. Scanning a document right to left with this automaton yields, for
/// every start token, the longest match beginning there (see
/// ``AutomatonMatcher``).
struct PatternAutomaton: Sendable {
    /// The spec each consuming state tests.
    let specs: [Int32]
    /// Consuming states active before the first (rightmost) token of a match.
    let startStates: [Int32]
    /// `successors[successorStarts[s] ..< successorStarts[s + 1]]`: states after `s` consumes a token.
    let successorStarts: [Int32]
    let successors: [Int32]
    /// Whether a match may end after state `s` consumes its token.
    let accepts: [Bool]

    var stateCount: Int { specs.count }

    /// The problem with a pattern that cannot compile.
    enum Problem: Error, Equatable {
        /// Every element is optional: the pattern would match zero tokens.
        case matchesEmpty
        case tooLarge(states: Int)
    }

    /// The most consuming states one rule may compile to.
    static let maximumStates = 4096

    /// Compiles `pattern`.
    /// - Throws: ``Problem`` when the pattern can match no tokens or grows too large.
    init(_ pattern: [PatternElement]) throws(Problem) {
        var builder = NFABuilder()
        let entry = builder.sequence(pattern, next: builder.accept)
        guard !builder.overflowed, builder.consumingCount <= Self.maximumStates else { throw .tooLarge(states: builder.consumingCount) }
        let start = builder.closure(of: entry)
        if start.accepts { throw .matchesEmpty }
        var successorStarts: [Int32] = [0]
        var successors: [Int32] = []
        var specs: [Int32] = []
        var accepts: [Bool] = []
        for state in builder.consumingStates {
            let after = builder.closure(of: builder.nodes[state].targets[0])
            successors += after.states
            successorStarts.append(Int32(successors.count))
            specs.append(builder.nodes[state].spec)
            accepts.append(after.accepts)
        }
        self.specs = specs
        self.startStates = start.states
        self.successorStarts = successorStarts
        self.successors = successors
        self.accepts = accepts
    }
}

/// Builds a Thompson NFA by continuation: each element is built with the
/// state that follows it. Sequences are laid out right to left, so the
/// automaton reads tokens in reverse order.
private struct NFABuilder {
    struct Node {
        /// The spec a consuming node tests, or -1 for epsilon and accept nodes.
        var spec: Int32
        var targets: [Int]
    }

    var nodes: [Node] = [Node(spec: -1, targets: [])]
    let accept = 0
    /// Node index → consuming-state number, or -1.
    var consumingNumber: [Int32] = [-1]
    var consumingStates: [Int] = []
    var consumingCount: Int { consumingStates.count }
    /// Set when building stopped early because the automaton grew past ``PatternAutomaton/maximumStates``.
    var overflowed = false

    /// Builds `elements` read in reverse: the last element is entered first.
    mutating func sequence(_ elements: [PatternElement], next: Int) -> Int {
        var state = next
        for element in elements { state = self.element(element, next: state) }
        return state
    }

    mutating func element(_ element: PatternElement, next: Int) -> Int {
        // Nested bounded repeats multiply; stop expanding once the limit is passed.
        guard consumingCount <= PatternAutomaton.maximumStates else {
            overflowed = true
            return next
        }
        let quantifier = element.quantifier
        var state = next
        if let max = quantifier.max {
            // Optional copies beyond the minimum, nested: a{2,4} = a a (a (a)?)?
            for _ in 0 ..< (max - quantifier.min) {
                let body = single(element, next: state)
                state = add(Node(spec: -1, targets: [body, next]))
            }
        } else {
            let loop = add(Node(spec: -1, targets: []))
            let body = single(element, next: loop)
            nodes[loop].targets = [body, state]
            state = loop
        }
        for _ in 0 ..< quantifier.min { state = single(element, next: state) }
        return state
    }

    /// One occurrence of `element`, ignoring its quantifier.
    private mutating func single(_ element: PatternElement, next: Int) -> Int {
        switch element {
        case .token(let spec, _):
            return add(Node(spec: Int32(spec), targets: [next]))
        case .alternatives(let branches, _):
            var entries: [Int] = []
            for branch in branches { entries.append(sequence(branch, next: next)) }
            return add(Node(spec: -1, targets: entries))
        }
    }

    private mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        consumingNumber.append(node.spec >= 0 ? Int32(consumingStates.count) : -1)
        if node.spec >= 0 { consumingStates.append(nodes.count - 1) }
        return nodes.count - 1
    }

    /// The consuming states reachable from `node` by epsilon moves, and whether accept is.
    func closure(of node: Int) -> (states: [Int32], accepts: Bool) {
        var seen = Set<Int>()
        var stack = [node]
        var states: [Int32] = []
        var accepts = false
        while let current = stack.popLast() {
            guard seen.insert(current).inserted else { continue }
            if current == accept { accepts = true; continue }
            if nodes[current].spec >= 0 { states.append(consumingNumber[current]); continue }
            stack += nodes[current].targets.reversed()
        }
        return (states.sorted(), accepts)
    }
}
