/// What the output lines contain.
public struct OutputOptions: Sendable {
    /// The unit of every offset.
    public var offsets: OffsetUnit = .codepoint
    /// Whether to write the token layer.
    public var emitTokens = false
    /// Layers the pipeline provides; only these are written.
    public var layers: Set<LayerName> = []

    /// Options with the command's defaults: code-point offsets, no tokens.
    public init(offsets: OffsetUnit = .codepoint, emitTokens: Bool = false, layers: Set<LayerName> = []) {
        self.offsets = offsets
        self.emitTokens = emitTokens
        self.layers = layers
    }
}
