/// The TextPipeline release.
public enum TextPipelineVersion {
    /// Semantic version of this build, printed by `textpipe --version`.
    public static let current = "0.1.0"
    /// The version of the output schema (docs/output.schema.json).
    public static let outputSchema = 1
}
