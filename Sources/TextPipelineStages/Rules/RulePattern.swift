import Foundation
import TextPipeline

/// How often a pattern element may repeat: `?`, `*`, `+`, `{m,n}` or once.
struct Quantifier: Equatable, Sendable {
    /// The fewest repetitions.
    var min: Int
    /// The most repetitions, or nil for no upper bound.
    var max: Int?

    static let once = Quantifier(min: 1, max: 1)
    static let optional = Quantifier(min: 0, max: 1)
    static let any = Quantifier(min: 0, max: nil)
    static let oneOrMore = Quantifier(min: 1, max: nil)

    /// The largest `{m,n}` bound accepted; keeps compiled automata small.
    static let largestBound = 64

    /// Parses `?`, `*`, `+`, `{n}`, `{m,n}`, `{m,}` or `{,n}`; nil for anything else.
    init?(parsing text: String) {
        switch text {
        case "?": self = .optional
        case "*": self = .any
        case "+": self = .oneOrMore
        case "1", "": self = .once
        default:
            guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
            let inner = text.dropFirst().dropLast()
            let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            switch parts.count {
            case 1:
                guard let count = Int(parts[0]) else { return nil }
                self.init(min: count, max: count)
            case 2:
                let low = parts[0].isEmpty ? 0 : Int(parts[0])
                let high = parts[1].isEmpty ? nil : Int(parts[1])
                guard let low, parts[1].isEmpty || high != nil else { return nil }
                self.init(min: low, max: high)
            default:
                return nil
            }
        }
    }

    init(min: Int, max: Int?) {
        self.min = min
        self.max = max
    }
}

/// One element of a rule's pattern: a token test or a group of alternative
/// sequences, with a quantifier.
indirect enum PatternElement: Sendable {
    /// One token that satisfies the spec with this index in ``RuleSet/specs``.
    case token(spec: Int, quantifier: Quantifier)
    /// Any one of several sequences.
    case alternatives([[PatternElement]], quantifier: Quantifier)

    var quantifier: Quantifier {
        switch self {
        case .token(_, let quantifier), .alternatives(_, let quantifier): quantifier
        }
    }
}

/// What a rule does with each match.
enum RuleAction: Sendable, Equatable {
    /// Adds an entity over the matched tokens unless it overlaps an existing one.
    case addEntity(label: String, canonicalID: String?)
    /// Adds a span to layer `spans.<layer>`.
    case addSpan(layer: String, label: String?)
    /// Relabels every entity lying wholly inside the match.
    case relabel(label: String)
}

/// One compiled rule: its name, its automaton and its action.
struct TokenRule: Sendable {
    let name: String
    let automaton: PatternAutomaton
    let action: RuleAction
    /// Whether the pattern tests entity labels (the entity map must be current).
    let readsEntities: Bool
}
