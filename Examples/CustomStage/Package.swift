// swift-tools-version: 6.1
// An example of a user package that adds its own Swift stage to TextPipeline
// and builds its own command, `textpipe-custom`, with the extended registry.
import PackageDescription

let package = Package(
    name: "CustomStage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "textpipe-custom", targets: ["textpipe-custom"]),
        .library(name: "SentimentStage", targets: ["SentimentStage"]),
    ],
    dependencies: [
        // By path, with an explicit name: the identity does not depend on the checkout folder's name.
        .package(name: "TextPipeline", path: "../..")
    ],
    targets: [
        .target(
            name: "SentimentStage",
            dependencies: [.product(name: "TextPipeline", package: "TextPipeline")]
        ),
        .executableTarget(
            name: "textpipe-custom",
            dependencies: [
                "SentimentStage",
                .product(name: "TextPipelineCLI", package: "TextPipeline"),
                .product(name: "TextPipelineStages", package: "TextPipeline"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
