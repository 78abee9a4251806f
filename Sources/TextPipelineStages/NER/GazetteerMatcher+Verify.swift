import TextPipeline

extension GazetteerMatcher {
    /// Whether tokens `span` agree with the entry's stored forms in its effective mode.
    /// Keys already agree (case, marks and normalisation form ignored); this checks what they ignore.
    mutating func verify(_ record: EntryRecord, _ gazetteer: CompiledGazetteer, _ span: Range<Int>, _ document: Document) -> Bool {
        let mode = options.effectiveMode(record.casePolicy)
        if mode == .diacritics { return true }
        guard let forms = gazetteer.forms(of: record) else { return false }
        let form: KeyNormalizer.Form = mode == .exact ? .nfc : .caseFolded
        var pieceStart = 0
        for token in span {
            var pieceEnd = pieceStart
            while pieceEnd < forms.count, forms[pieceEnd] != GazetteerFormat.tokenSeparator { pieceEnd += 1 }
            let piece = UnsafeBufferPointer(rebasing: forms[pieceStart ..< pieceEnd])
            guard tokenAgrees(document, token, piece, form) else { return false }
            pieceStart = pieceEnd + 1
        }
        return true
    }

    private mutating func tokenAgrees(_ document: Document, _ token: Int, _ piece: UnsafeBufferPointer<UInt8>,
                                      _ form: KeyNormalizer.Form) -> Bool {
        document.utf8.withUnsafeBufferPointer { text in
            let bytes = UnsafeBufferPointer(rebasing: text[document.tokens.byteRange(token)])
            if KeyNormalizer.isASCII(bytes), KeyNormalizer.isASCII(piece) {
                guard bytes.count == piece.count else { return false }
                for index in 0 ..< bytes.count {
                    let a = bytes[index], b = piece[index]
                    if a == b { continue }
                    if form == .nfc || a | 0x20 != b | 0x20 || (a | 0x20) &- 0x61 >= 26 { return false }
                }
                return true
            }
            documentForm.removeAll(keepingCapacity: true)
            normalizerForm(form, bytes)
            return entryAgrees(form, piece)
        }
    }
}

extension GazetteerMatcher {
    /// Appends `bytes` in `form` to ``documentForm``.
    fileprivate mutating func normalizerForm(_ form: KeyNormalizer.Form, _ bytes: UnsafeBufferPointer<UInt8>) {
        var copy: [UInt8] = []
        swap(&copy, &documentForm)
        normalizer.withForm(form, of: bytes) { copy.append(contentsOf: $0) }
        swap(&copy, &documentForm)
    }

    /// Whether `piece` (an entry's NFC token) in `form` equals ``documentForm``.
    fileprivate mutating func entryAgrees(_ form: KeyNormalizer.Form, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        let target = documentForm
        return entryNormalizer.withForm(form, of: piece) { normalized in
            normalized.elementsEqual(target)
        }
    }
}
