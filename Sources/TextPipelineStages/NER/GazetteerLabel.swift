public import TextPipeline

/// The label of a gazetteer entry, stored as one byte in compiled files.
///
/// Long forms are mapped as `conll.py` maps them: PERSON → PER;
/// LOCATION, GPE, LOC, FAC → LOC; ORGANIZATION, ORGANISATION, ORG, NORP → ORG or MISC
/// (NORP, nationalities and languages, are MISC); EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC.
public enum GazetteerLabel: UInt8, Sendable, CaseIterable {
    /// `PER`.
    case person = 0
    /// `LOC`.
    case location = 1
    /// `ORG`.
    case organization = 2
    /// `MISC`.
    case miscellaneous = 3

    /// Parses a label, case-insensitively. Returns nil for an unknown label.
    public init?(parsing text: some StringProtocol) {
        switch text {
        case "PER", "PERSON": self = .person
        case "LOC", "LOCATION", "GPE": self = .location
        case "ORG", "ORGANIZATION": self = .organization
        case "MISC": self = .miscellaneous
        default: self.init(anyCase: text.uppercased())
        }
    }

    private init?(anyCase text: String) {
        switch text {
        case "PER", "PERSON", "PEOPLE": self = .person
        case "LOC", "LOCATION", "GPE", "FAC", "FACILITY", "PLACE": self = .location
        case "ORG", "ORGANIZATION", "ORGANISATION", "COMPANY": self = .organization
        case "MISC", "MISCELLANEOUS", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "NATIONALITY":
            self = .miscellaneous
        default: return nil
        }
    }

    /// The entity label written to the entity layer.
    public var entityLabel: EntityLabel {
        switch self {
        case .person: .person
        case .location: .location
        case .organization: .organization
        case .miscellaneous: .miscellaneous
        }
    }

    /// The namespace of derived ids: `tp:<kind>/<slug>`.
    var idKind: String {
        switch self {
        case .person: "person"
        case .location: "place"
        case .organization: "org"
        case .miscellaneous: "misc"
        }
    }
}

/// How an entry may be matched, whatever the stage's normalisation mode.
public enum CasePolicy: UInt8, Sendable {
    /// Follow the stage's mode; short all-capital entries (acronyms) become ``exact``.
    case auto = 0
    /// Only the exact characters (after NFC) match.
    case exact = 1
    /// Case differences are ignored even when the entry looks like an acronym.
    case insensitive = 2
    /// Set by the compiler for `auto` entries that look like acronyms (2–5 capital letters):
    /// exact unless the stage's `acronyms` option says otherwise.
    case acronym = 3

    init?(parsing text: some StringProtocol) {
        if text.isEmpty {
            self = .auto
            return
        }
        switch text.lowercased() {
        case "auto": self = .auto
        case "exact", "sensitive": self = .exact
        case "insensitive", "ignore": self = .insensitive
        default: return nil
        }
    }
}

/// What an entry is evidence of. Only ``entity`` entries become entities on their own.
public enum EntryKind: UInt8, Sendable {
    /// A name that is an entity by itself.
    case entity = 0
    /// A given name: with a following capitalised word it makes a person.
    case firstName = 1
    /// A family name: supports a person reading, never makes one alone.
    case surname = 2
    /// Weak evidence (ambiguous acronyms, common words): used only with context.
    case weak = 3

    init?(parsing text: some StringProtocol) {
        if text.isEmpty {
            self = .entity
            return
        }
        switch text.lowercased() {
        case "entity": self = .entity
        case "first_name", "firstname", "given_name": self = .firstName
        case "surname", "last_name", "family_name": self = .surname
        case "weak": self = .weak
        default: return nil
        }
    }
}
