/// Every configuration error of one pipeline file, in the order they were found
/// (top-level keys, then each stage in order, then the wiring).
///
/// Thrown by ``Pipeline/loadReportingAll(file:registry:)``, which `textpipe check`
/// uses so that one run shows every problem of a file. Each stage entry reports
/// the first error of its options (after all of its unknown option keys): its
/// later options are read only once the earlier ones are right.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// At least one error.
    public let errors: [ConfigurationError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects errors while a pipeline loads: in "first" mode the first error is
/// thrown at once (``Pipeline/load(file:registry:)``), in "all" mode it is kept
/// and loading goes on with the next independent part of the file.
struct ConfigurationProblems {
    let collectsAll: Bool
    private(set) var errors: [ConfigurationError] = []

    init(collectsAll: Bool) {
        self.collectsAll = collectsAll
    }

    /// Records `error`; throws it when not collecting.
    mutating func report(_ error: ConfigurationError) throws {
        guard collectsAll else { throw error }
        errors.append(error)
    }

    /// Runs `body`; a ``ConfigurationError`` it throws is reported and nil returned.
    mutating func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as ConfigurationError {
            try report(error)
            return nil
        }
    }
}
