// swift-tools-version: 6.1
// libFuzzer harnesses for TextPipeline, kept out of the main package so that
// `swift build` and `swift test` there never see sanitizer flags.
// Build and run them with `scripts/fuzz` (see docs/fuzzing.md).
import PackageDescription

let harnesses = [
    "fuzz-json-record", "fuzz-pipeline-yaml", "fuzz-gazetteer-tsv", "fuzz-compiled-gazetteer",
    "fuzz-rules", "fuzz-tokenize-sentences", "fuzz-whole-pipeline",
]

let package = Package(
    name: "TextPipelineFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "TextPipeline", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzDriver",
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ]
        ),
    ]
        + harnesses.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport",
                    .product(name: "TextPipeline", package: "TextPipeline"),
                    .product(name: "TextPipelineStages", package: "TextPipeline"),
                ]
            )
        },
    swiftLanguageModes: [.v6]
)
