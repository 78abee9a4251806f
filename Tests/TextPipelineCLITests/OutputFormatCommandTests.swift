import Foundation
import TestSupport
import Testing

/// `textpipe run --output-format` end to end: each format read back and
/// compared with the JSON lines of the same run.
@Suite struct OutputFormatCommandTests {
    static let fixtures = "Tests/TextPipelineCLITests/Fixtures"
    static let input = "\(fixtures)/formats.jsonl"
    static let pipeline = ["--pipeline", "\(fixtures)/formats.yaml"]
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("tp-formats-cache-\(UUID().uuidString)").path

    static func run(_ arguments: [String]) throws -> CLIHarness.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["TEXTPIPE_CACHE"] = cache
        return try CLIHarness.run(["run", input] + pipeline + arguments, environment: environment)
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(UUID().uuidString)-\(name)").path
    }

    /// The JSON lines of the fixture run with tokens: per record, token byte ranges in code points and entities.
    static func jsonRecords() throws -> [[String: Any]] {
        let result = try run(["--emit", "tokens"])
        #expect(result.status == 0)
        return try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func conllReadBackFindsTheEntitiesOfTheJSONLines() throws {
        let result = try Self.run(["--output-format", "conll"])
        #expect(result.status == 0)
        let documents = CoNLLReader.read(result.stdout)
        let records = try Self.jsonRecords()
        #expect(documents.count == records.count)
        for (document, record) in zip(documents, records) {
            if let error = record["error"] as? [String: Any] {
                #expect(document.status == "error:\(error["kind"] as! String)")
                #expect(document.tokens.isEmpty)
                continue
            }
            let tokens = record["tokens"] as! [[String: Any]]
            #expect(document.tokens.count == tokens.count)
            let firstToken = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1["start"] as! Int, $0) })
            let endToken = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1["end"] as! Int, $0 + 1) })
            let expected = (record["entities"] as! [[String: Any]]).map {
                CoNLLReader.Entity(tokens: firstToken[$0["start"] as! Int]! ..< endToken[$0["end"] as! Int]!, label: $0["label"] as! String)
            }
            #expect(document.entities == expected, "record \(record["id"] ?? "")")
            let sentences = (record["sentences"] as! [[String: Any]]).map { firstToken[$0["start"] as! Int]! }
            #expect(document.sentenceStarts == sentences)
        }
        #expect(
            documents.map(\.id) == [
                #""k1""#, #""a/b""#, #""a%2Fb""#, #""broken""#, #""""#, #""..""#, #""dup""#, #""dup""#,
                #""DUP""#, "12.50", #""with\u0020space\u0009and\u0020tab""#, #""empty-text""#,
            ])
    }

    @Test func conllAndSpacyResumeToIdenticalOutput() throws {
        for format in ["conll", "spacy"] {
            let full = Self.temporary("full.\(format)")
            let cut = Self.temporary("cut.\(format)")
            defer { for path in [full, cut, full + ".textpipe-resume", cut + ".textpipe-resume"] { try? FileManager.default.removeItem(atPath: path) } }
            #expect(try Self.run(["--output-format", format, "-o", full]).status == 0)
            #expect(try Self.run(["--output-format", format, "-o", cut]).status == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
            for length in [bytes.count / 3, bytes.count / 2 + 7, bytes.count - 1] {
                try bytes.prefix(length).write(to: URL(fileURLWithPath: cut))
                let resumed = try Self.run(["--output-format", format, "-o", cut, "--resume"])
                #expect(resumed.status == 0, "\(resumed.stderr)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: cut)) == bytes, "\(format) cut at \(length)")
            }
            let mixed = try Self.run(["--output-format", format == "conll" ? "spacy" : "conll", "-o", cut, "--resume"])
            #expect(mixed.status == 2)
            #expect(mixed.stderr.contains("output options differ"))
        }
    }

    @Test func folderFormatsRefuseResumeAndStdout() throws {
        for format in ["brat", "html"] {
            let noFolder = try Self.run(["--output-format", format])
            #expect(noFolder.status == 2)
            #expect(noFolder.stderr.contains("writes a folder"))
            let resume = try Self.run(["--output-format", format, "-o", Self.temporary("x"), "--resume"])
            #expect(resume.status == 2)
            #expect(resume.stderr.contains("--resume continues one output stream"))
        }
        let offsets = try Self.run(["--output-format", "spacy", "--offsets", "utf16"])
        #expect(offsets.status == 2)
        let foreign = Self.temporary("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        defer { try? FileManager.default.removeItem(atPath: foreign) }
        let refused = try Self.run(["--output-format", "brat", "-o", foreign])
        #expect(refused.status == 2)
        #expect(FileManager.default.fileExists(atPath: foreign + "/notes.txt"))
    }

    @Test func outputIsIdenticalForAnyWorkerCount() throws {
        for format in ["conll", "spacy"] {
            let one = try Self.run(["--output-format", format, "--workers", "1"])
            let three = try Self.run(["--output-format", format, "--workers", "3"])
            #expect(one.status == 0)
            #expect(one.stdout == three.stdout)
        }
    }

    @Test func bratOffsetsPointAtTheEntityTextAndNamesAreSafe() throws {
        let folder = Self.temporary("brat")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.run(["--output-format", "brat", "-o", folder])
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            names
                == [
                    ".textpipe-output", "%2E.", "12.50", "DUP~3", "a%252Fb", "a%2Fb", "annotation.conf", "dup", "dup~2", "empty-text",
                    "errors.jsonl", "k1", "with%20space%09and%20tab", "~empty",
                ].flatMap { name in
                    name.hasPrefix(".") || name.contains(".conf") || name.contains(".jsonl") ? [name] : [name + ".ann", name + ".txt"]
                }.sorted())
        let records = try Self.jsonRecords().filter { $0["error"] == nil }
        var checked = 0
        for name in names where name.hasSuffix(".ann") {
            let text = Array(try String(contentsOfFile: "\(folder)/\(name.dropLast(4)).txt", encoding: .utf8).unicodeScalars)
            for line in try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8).split(separator: "\n") where line.hasPrefix("T") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let positions = fields[1].split(separator: " ", maxSplits: 1)[1]
                let pieces = positions.split(separator: ";").map { piece -> String in
                    let bounds = piece.split(separator: " ").map { Int($0)! }
                    return String(String.UnicodeScalarView(text[bounds[0] ..< bounds[1]]))
                }
                #expect(pieces.joined(separator: " ") == String(fields[2]), "\(name): \(line)")
                checked += 1
            }
        }
        let entityCount = records.reduce(0) { $0 + ($1["entities"] as! [Any]).count }
        #expect(checked == entityCount)
        #expect(try String(contentsOfFile: folder + "/errors.jsonl", encoding: .utf8).contains(#""kind":"invalid_json""#))
        #expect(try String(contentsOfFile: folder + "/k1.ann", encoding: .utf8).contains("\tReference T1 tp:person/kim-jong-un\tKim Jong Un\n"))
    }

    @Test func renderRebuildsTheReportOfTheRun() throws {
        let jsonl = Self.temporary("out.jsonl")
        let ran = Self.temporary("ran")
        let rendered = Self.temporary("rendered")
        defer { for path in [jsonl, jsonl + ".textpipe-resume", ran, rendered] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try Self.run(["-o", jsonl]).status == 0)
        #expect(try Self.run(["--output-format", "html", "-o", ran]).status == 0)
        let render = try CLIHarness.run(["render", Self.input, "--from", jsonl, "-o", rendered])
        #expect(render.status == 0, "\(render.stderr)")
        for page in ["index.html", "articles-0001.html"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(ran)/\(page)")) == Data(contentsOf: URL(fileURLWithPath: "\(rendered)/\(page)")))
        }
        let wrong = try CLIHarness.run(["render", "samples/articles.jsonl", "--from", jsonl, "-o", rendered])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("does not match the input"))
    }
}

/// Reads CoNLL text back the way a CoNLL reader does: `-DOCSTART-` lines open
/// documents, blank lines end sentences, the last column is the BIO tag.
enum CoNLLReader {
    struct Entity: Equatable {
        var tokens: Range<Int>
        var label: String
    }

    struct Document {
        var id = ""
        var status = ""
        var tokens: [String] = []
        var sentenceStarts: [Int] = []
        var entities: [Entity] = []
    }

    static func read(_ text: String) -> [Document] {
        var documents: [Document] = []
        var newSentence = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = line.split(whereSeparator: \.isWhitespace).map(String.init)
            if columns.first == "-DOCSTART-" {
                documents.append(Document(id: columns[1], status: columns[2]))
                newSentence = true
                continue
            }
            guard !columns.isEmpty else { newSentence = true; continue }
            precondition(columns.count == 4, "a token line with \(columns.count) columns: \(line)")
            let index = documents[documents.count - 1].tokens.count
            documents[documents.count - 1].tokens.append(columns[0])
            if newSentence { documents[documents.count - 1].sentenceStarts.append(index) }
            newSentence = false
            let tag = columns[3]
            if tag.hasPrefix("B-") {
                documents[documents.count - 1].entities.append(Entity(tokens: index ..< index + 1, label: String(tag.dropFirst(2))))
            } else if tag.hasPrefix("I-") {
                documents[documents.count - 1].entities[documents[documents.count - 1].entities.count - 1].tokens =
                    documents[documents.count - 1].entities.last!.tokens.lowerBound ..< index + 1
            }
        }
        return documents
    }
}
