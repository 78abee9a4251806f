import Yams

/// Numbers in configuration YAML, read without YAML 1.1's base-60 forms.
///
/// Yams reads a plain scalar with colons (`1:30`) as a base-60 number, and
/// its integer conversion traps on overflow: the pipeline file
/// `1:0:0:0:0:0:0:0:0:0:0:0` stopped `textpipe check` with SIGILL (found by
/// the `pipeline-yaml` fuzzer). No option of a pipeline or rules file is a
/// base-60 number, so a scalar with a colon reads as a string here.
extension Node {
    /// The scalar as an integer; nil for other nodes and for scalars with a colon.
    package var integer: Int? { hasColon ? nil : int }

    /// The scalar as a floating-point number; nil for other nodes and for scalars with a colon.
    package var number: Double? { hasColon ? nil : float }

    private var hasColon: Bool { scalar?.string.contains(":") ?? false }
}
