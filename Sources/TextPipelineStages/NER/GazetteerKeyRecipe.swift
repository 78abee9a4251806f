/// Everything besides the source files that decides the keys of a compiled gazetteer:
/// the file format, the ICU library that folds non-ASCII keys (its case folding and
/// normalisation data change between releases) and the version of our own folding code.
///
/// The gazetteer cache key covers all three, so a system ICU upgrade or a change to
/// ``KeyNormalizer`` recompiles cached sources instead of reusing stale keys.
struct GazetteerKeyRecipe: Equatable {
    var formatVersion: UInt32 = GazetteerFormat.version
    var icuVersion: String = ICUBreakerTemplate.icuVersion
    var foldingVersion: Int = KeyNormalizer.foldingVersion

    /// The recipe of this build, with the ICU library loaded at run time.
    static var current: GazetteerKeyRecipe { GazetteerKeyRecipe() }

    /// The bytes the source checksum starts with.
    var checksumPrefix: [UInt8] { Array("tpg\(formatVersion) icu \(icuVersion) fold \(foldingVersion)".utf8) }
}
