import Foundation
import TestSupport
import Testing

/// `textpipe df build`: counts document frequencies and writes a table the tfidf stage loads.
@Suite struct DFCommandTests {
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }
}
