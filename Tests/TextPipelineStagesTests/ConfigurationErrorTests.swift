import Foundation
import TestSupport
import Testing
import TextPipeline
import TextPipelineStages

/// Every configuration error names the file, the line, the key path and what was expected.
@Suite struct ConfigurationErrorTests {
    func message(_ yaml: String) -> String? {
        do {
            _ = try DocumentFixtures.pipeline(yaml, file: "p.yaml")
            return nil
        } catch let error as ConfigurationError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(
        "errors and their messages",
        arguments: [
            ("version: 1\nstages:\n  - use: tokenize.icu@9\n", "p.yaml:3: stages[0].use: unknown stage 'tokenize.icu@9'; registered versions: tokenize.icu@1"),
            ("version: 1\nstages:\n  - use: nosuch@1\n", "p.yaml:3: stages[0].use: unknown stage 'nosuch@1'; registered stages: "),
            (
                "version: 1\nstages:\n  - use: tokenize.icu\n",
                "p.yaml:3: stages[0].use: expected a stage id with a version such as 'tokenize.icu@1', found 'tokenize.icu'"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n    with: { locael: en }\n",
                "p.yaml:4: stages[0].with.locael: unknown option; did you mean 'locale'? expected one of: locale"
            ),
            ("version: 1\nstages:\n  - use: tokenize.icu@1\n    with: { locale: [en] }\n", "p.yaml:4: stages[0].with.locale: expected a string, found a list"),
            ("version: 1\nstages:\n  - use: sentences.icu@1\n", "p.yaml:3: stages[0]: sentences.icu@1 requires tokens, which no earlier stage provides"),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { newline: sometimes }\n",
                "p.yaml:5: stages[1].with.newline: expected one of paragraph, line, auto, found 'sometimes'"
            ),
            ("version: 2\nstages: []\n", "p.yaml:1: version: expected 1, the only pipeline format version, found 2"),
            ("stages:\n  - use: tokenize.icu@1\n", "p.yaml:1: missing key 'version'; expected 'version: 1'"),
            ("version: 1\nstages: []\n", "p.yaml:2: stages: expected a non-empty list of stages, found a list"),
            ("version: 1\n", "p.yaml:1: stages: missing key 'stages'; expected a list of stages"),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\nextra: 3\n",
                "p.yaml:4: extra: unknown option; expected one of: description, name, on_error, stages, version"
            ),
            ("version: 1\non_error: ignore\nstages:\n  - use: tokenize.icu@1\n", "p.yaml:2: on_error: expected one of record, fail, found 'ignore'"),
            ("version: 1\nstages:\n  - tokenize.icu@1\n", "p.yaml:3: stages[0]: expected a mapping of options, found the string 'tokenize.icu@1'"),
            ("version: 1\nstages: [\n", "p.yaml:"),
            ("- just a list\n", "p.yaml:1: expected a mapping with 'version' and 'stages', found a list"),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n    with: { locale: 'e n' }\n",
                "p.yaml:4: stages[0].with.locale: expected an ICU locale id such as 'en' or 'pt_BR', found 'e n'"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { abbreviations: { file: missing.txt } }\n",
                "stages[1].with.abbreviations.file: cannot read abbreviation file"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { starters: { file: missing.txt } }\n",
                "p.yaml:5: stages[1].with.starters.file: cannot read word list file"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { continuations: { adds: [x] } }\n",
                "p.yaml:5: stages[1].with.continuations.adds: unknown option; did you mean 'add'? expected one of: add, file, remove"
            ),
            (
                "version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { abbreviations: { add_number: [abcdefghijklmnopqrstuvwxyz] } }\n",
                "p.yaml:5: stages[1].with.abbreviations.add_number: expected an abbreviation of 1 to 15 bytes"
            ),
        ])
    func configurationError(yaml: String, expected: String) throws {
        let text = try #require(message(yaml))
        #expect(text.contains(expected), "got: \(text)")
    }

    @Test func malformedWordListsNameTheirFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tp-lists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let abbreviations = directory.appendingPathComponent("abbr.txt").path
        let starters = directory.appendingPathComponent("starters.txt").path
        try "dr prefix\nfoo bar\n".write(toFile: abbreviations, atomically: true, encoding: .utf8)
        try "# comment\nThe\nTwo words\n".write(toFile: starters, atomically: true, encoding: .utf8)
        let first = message("version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { abbreviations: { file: \(abbreviations) } }\n")
        #expect(
            first?.contains("p.yaml:5: stages[1].with.abbreviations.file: \(abbreviations):2: expected 'abbreviation' or 'abbreviation CLASS'") == true,
            "got: \(first ?? "nil")")
        let second = message("version: 1\nstages:\n  - use: tokenize.icu@1\n  - use: sentences.icu@1\n    with: { starters: { file: \(starters) } }\n")
        #expect(second?.contains("p.yaml:5: stages[1].with.starters.file: \(starters):3: expected one word") == true, "got: \(second ?? "nil")")
    }

    @Test func missingFileIsNamed() {
        #expect(throws: ConfigurationError.self) { try Pipeline.load(file: "/nonexistent/p.yaml", registry: .builtin) }
    }
}
