// swift-tools-version: 6.1
// TextPipeline: fast, exact analysis of news article streams.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "TextPipeline",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TextPipeline", targets: ["TextPipeline"]),
        .library(name: "TextPipelineStages", targets: ["TextPipelineStages"]),
        .library(name: "TextPipelineCLI", targets: ["TextPipelineCLI"]),
        .executable(name: "textpipe", targets: ["textpipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "CPrefetch"),
        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "TextPipeline",
            dependencies: ["CZlib", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TextPipelineStages",
            dependencies: ["TextPipeline", "CICU", "CPrefetch"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TextPipelineCLI",
            dependencies: [
                "TextPipeline", "TextPipelineStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "textpipe",
            dependencies: ["TextPipelineCLI", "TextPipelineStages"],
            swiftSettings: strictSettings
        ),
        // Points TEXTPIPE_CACHE at a temporary folder before any test runs (a C constructor).
        .target(name: "TestCacheIsolation", path: "Tests/TestCacheIsolation"),
        .target(
            name: "TestSupport",
            dependencies: ["TextPipeline", "TextPipelineStages", "TestCacheIsolation"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextPipelineTests",
            dependencies: ["TextPipeline", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextPipelineStagesTests",
            dependencies: ["TextPipelineStages", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextPipelineCLITests",
            dependencies: ["TextPipelineCLI", "TestSupport", "textpipe"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
