/// How tokens are compared with gazetteer entries.
public enum NormalizationMode: String, Sendable, CaseIterable {
    /// Same characters after NFC.
    case exact
    /// ICU case folding (after NFC).
    case insensitive
    /// Case folding and combining marks removed ("Zürich" = "Zurich").
    case diacritics

    var strictness: Int {
        switch self {
        case .exact: 0
        case .insensitive: 1
        case .diacritics: 2
        }
    }
}

/// Which matches become entities when they overlap.
public enum OverlapPolicy: String, Sendable, CaseIterable {
    /// The leftmost match wins, then the longest, then the higher priority, then the earlier gazetteer.
    case longest
    /// The higher priority wins, then the longer, then the leftmost.
    case priority
    /// As ``longest`` for entities; every match is also written to the span layer `gazetteer`.
    case all
}

/// Matching options shared by the stage's workers.
public struct MatchOptions: Sendable {
    /// How tokens are normalised before they are compared (`case`).
    public var mode: NormalizationMode
    /// Which matches are kept when they overlap (`overlap`).
    public var overlap: OverlapPolicy
    /// When false, short all-capital entries follow ``mode`` like the others.
    public var acronymsCaseSensitive: Bool

    /// Options with the stage's defaults: case-insensitive, longest match, acronyms case-sensitive.
    public init(mode: NormalizationMode = .insensitive, overlap: OverlapPolicy = .longest, acronymsCaseSensitive: Bool = true) {
        self.mode = mode
        self.overlap = overlap
        self.acronymsCaseSensitive = acronymsCaseSensitive
    }

    /// The mode an entry with `policy` is matched in.
    func effectiveMode(_ policy: UInt8) -> NormalizationMode {
        switch CasePolicy(rawValue: policy) ?? .auto {
        case .auto: mode
        case .exact: .exact
        case .acronym: acronymsCaseSensitive ? .exact : mode
        case .insensitive: mode == .exact ? .insensitive : mode
        }
    }
}
