// swift-tools-version: 6.1
// Benchmarks for TextPipeline, kept out of the main package so its graph stays lean.
// Run from this folder: swift run -c release ner-bench --help
import PackageDescription

let package = Package(
    name: "TextPipelineBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "TextPipeline", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
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
