// swift-tools-version: 6.1
// TextPipeline's benchmark suites (package-benchmark). A separate package so
// that depending on TextPipeline never pulls in the benchmark tooling.
//
//     cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "TextPipelineBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "TextPipeline", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ]
        ),
        .executableTarget(
            name: "TokenizerBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ],
            path: "Benchmarks/TokenizerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SentenceBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TextPipeline", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ],
            path: "Benchmarks/SentenceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
