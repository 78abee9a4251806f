import TextPipeline

/// Per-token views that rules test, computed once per document into reusable
/// buffers: lower-case bytes, spaCy-style shapes and the label of the entity
/// a token lies in.
///
/// Lives in a rules worker; `compute` clears and refills the buffers keeping
/// their capacity, so steady-state documents allocate nothing here.
struct RuleTokenFeatures {
    private(set) var lower: [UInt8] = []
    private(set) var lowerEnds: [Int32] = []
    private(set) var shape: [UInt8] = []
    private(set) var shapeEnds: [Int32] = []
    /// Per token, the index in the rule set's label table of the entity it lies in, or -1.
    private(set) var entityLabel: [Int32] = []

    /// Recomputes lower-case text and shapes (each only when asked for) for every token of `document`.
    mutating func compute(_ document: Document, lower wantsLower: Bool, shape wantsShape: Bool) {
        lower.removeAll(keepingCapacity: true)
        lowerEnds.removeAll(keepingCapacity: true)
        shape.removeAll(keepingCapacity: true)
        shapeEnds.removeAll(keepingCapacity: true)
        document.utf8.withUnsafeBufferPointer { text in
            for index in 0 ..< document.tokens.count {
                let token = UnsafeBufferPointer(rebasing: text[document.tokens.byteRange(index)])
                if wantsLower {
                    CaseFolding.appendLowercase(token, to: &lower)
                    lowerEnds.append(Int32(lower.count))
                }
                if wantsShape {
                    TokenShape.append(token, to: &shape)
                    shapeEnds.append(Int32(shape.count))
                }
            }
        }
    }

    /// Recomputes which entity label each token lies in; `labelIndex` maps a label to its table index or -1.
    mutating func computeEntities(_ document: Document, labelIndex: (EntityLabel) -> Int32) {
        entityLabel.removeAll(keepingCapacity: true)
        entityLabel.append(contentsOf: repeatElement(-1, count: document.tokens.count))
        let entities = document.entities
        for entity in 0 ..< entities.count {
            let label = labelIndex(entities.labels[entity])
            for token in entities.tokenRange(entity) where token < entityLabel.count { entityLabel[token] = label }
        }
    }

    /// Calls `body` with a view of each token in turn: its bytes, lower-case form, shape and their hashes.
    /// - Parameters:
    ///   - hashText: whether specs need the hash of the token's text.
    func forEachToken(of document: Document, hashText: Bool, _ body: (Int, RuleTokenView) throws -> Void) rethrows {
        let tokens = document.tokens
        try document.utf8.withUnsafeBufferPointer { text in
            try lower.withUnsafeBufferPointer { lower in
                try shape.withUnsafeBufferPointer { shape in
                    var lowerStart = 0
                    var shapeStart = 0
                    for index in 0 ..< tokens.count {
                        let bytes = UnsafeBufferPointer(rebasing: text[tokens.byteRange(index)])
                        let lowerEnd = lowerEnds.isEmpty ? 0 : Int(lowerEnds[index])
                        let shapeEnd = shapeEnds.isEmpty ? 0 : Int(shapeEnds[index])
                        let lowerBytes = UnsafeBufferPointer(rebasing: lower[lowerStart ..< lowerEnd])
                        let view = RuleTokenView(
                            text: bytes, textHash: hashText ? ByteSet.hash(bytes) : 0,
                            lower: lowerBytes, lowerHash: lowerEnds.isEmpty ? 0 : ByteSet.hash(lowerBytes),
                            shape: UnsafeBufferPointer(rebasing: shape[shapeStart ..< shapeEnd]),
                            kind: tokens.kinds[index], entityLabel: entityLabel.isEmpty ? -1 : entityLabel[index])
                        try body(index, view)
                        lowerStart = lowerEnd
                        shapeStart = shapeEnd
                    }
                }
            }
        }
    }
}

/// Lower-casing of UTF-8 bytes without intermediate strings.
enum CaseFolding {
    /// Appends the lower-case form of `bytes` (valid UTF-8): ASCII directly,
    /// other scalars through their Unicode lower-case mapping.
    static func appendLowercase(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if !bytes.contains(where: { $0 >= 0x80 }) {
            for byte in bytes { out.append(byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0)) }
            return
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append(byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0))
            } else if scalar.properties.changesWhenLowercased {
                // Mappings are a few bytes: small strings live inline, without a heap allocation.
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// The lower-case bytes of a string, as tokens are folded.
    static func lowercase(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { appendLowercase($0, to: &out) }
        return out
    }
}

/// Token shapes as spaCy writes them: upper-case letters become `X`, other
/// letters `x`, decimal digits `d`, anything else stays; a run of one shape
/// character is cut after four (`Washington` → `Xxxxx`, `1987` → `dddd`).
enum TokenShape {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var last: UInt32 = 0
        var run = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let shaped = shapeScalar(scalar)
            if shaped.value == last { run += 1 } else { run = 0; last = shaped.value }
            guard run < 4 else { continue }
            if shaped.isASCII { out.append(UInt8(shaped.value)) } else { out.append(contentsOf: UTF8.encode(shaped)!) }
        }
    }

    /// The shape of one string, for rule files.
    static func shape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { append($0, to: &out) }
        return out
    }

    private static func shapeScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            switch scalar.value {
            case 0x41 ... 0x5A: return "X"
            case 0x61 ... 0x7A: return "x"
            case 0x30 ... 0x39: return "d"
            default: return scalar
            }
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return properties.isUppercase ? "X" : "x" }
        if properties.numericType == .decimal { return "d" }
        return scalar
    }
}
