// swift-tools-version: 6.1
// TextPipeline's benchmark suites (package-benchmark). A separate package so
// that depending on TextPipeline never pulls in the benchmark tooling.
//
//     cd Benchmarks && swift package benchmark --no-progress
import PackageDescription

/// One package-benchmark suite: an executable target under Benchmarks/<name>.
func suite(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkSupport",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "TextPipeline", package: "TextPipeline"),
            .product(name: "TextPipelineStages", package: "TextPipeline"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "TextPipelineBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The identity is named so it does not depend on the checkout's folder name.
        .package(name: "TextPipeline", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ]
        ),
        suite("TokenizerBenchmarks"),
        suite("PipelineBenchmarks"),
        suite("PluginBenchmarks"),
        suite("SentenceBenchmarks"),
        suite("NERBenchmarks"),
        suite("KeywordBenchmarks"),
        // Gazetteer compile, load, memory and matching figures for issue 4, as a command.
        .executableTarget(
            name: "ner-bench",
            dependencies: [
                .product(name: "TextPipelineStages", package: "TextPipeline"),
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
