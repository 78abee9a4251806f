// swift-tools-version: 6.1
// TextPipeline: fast, exact analysis of news article streams.
import PackageDescription

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
        // `swift package generate-documentation` (scripts/check-docs); not linked into any product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System ICU (libicuuc, libicudata), found with pkg-config (`icu-uc`): on Linux the
        // distribution's libicu-dev; on macOS Homebrew's keg-only icu4c, whose pkg-config
        // folder must be on PKG_CONFIG_PATH (README, "Platforms").
        .systemLibrary(
            name: "CICUSystem",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        .target(name: "CICU", dependencies: ["CICUSystem"]),
        .target(name: "CPrefetch"),
        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "TextPipeline",
            dependencies: ["CZlib", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "TextPipelineStages",
            dependencies: ["TextPipeline", "CICU", "CPrefetch"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "TextPipelineCLI",
            dependencies: [
                "TextPipeline", "TextPipelineStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "textpipe",
            dependencies: ["TextPipelineCLI", "TextPipelineStages"]
        ),
        // Points TEXTPIPE_CACHE at a temporary folder before any test runs (a C constructor).
        .target(name: "TestCacheIsolation", path: "Tests/TestCacheIsolation"),
        .target(
            name: "TestSupport",
            dependencies: ["TextPipeline", "TextPipelineStages", "TestCacheIsolation"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "TextPipelineTests",
            dependencies: ["TextPipeline", "TestSupport"]
        ),
        .testTarget(
            name: "TextPipelineStagesTests",
            dependencies: ["TextPipelineStages", "TestSupport"]
        ),
        .testTarget(
            name: "TextPipelineCLITests",
            dependencies: ["TextPipelineCLI", "TestSupport", "textpipe"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Strict settings for every Swift target, in one place (as swift-log does).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // SE-0335: existential types are spelled `any P`.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // SE-0444: a file uses only the members of modules it imports itself.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // SE-0409: imports are internal unless marked `public import`, so no dependency
    // leaks into the public API by accident.
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
