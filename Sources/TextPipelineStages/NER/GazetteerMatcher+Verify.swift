import TextPipeline

extension GazetteerMatcher {
    /// Whether tokens `span` agree with the entry's stored forms in its effective mode.
    /// Keys already agree (case, marks and normalisation form ignored); this checks what they ignore.
    ///
    /// `text` is the document's text. ASCII tokens compared with ASCII pieces are checked byte by
    /// byte; otherwise a token whose bytes equal its stored piece agrees in every mode (both sides
    /// would normalise alike), and only tokens that differ are normalised (the piece through
    /// ``entryForms``, once per worker).
    mutating func verify(
        _ record: EntryRecord, _ gazetteer: CompiledGazetteer, _ span: Range<Int>, _ document: Document,
        _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let mode = options.effectiveMode(record.casePolicy)
        if mode == .diacritics { return true }
        guard let forms = gazetteer.forms(of: record) else { return false }
        let form: KeyNormalizer.Form = mode == .exact ? .nfc : .caseFolded
        var pieceStart = 0
        for token in span {
            var pieceEnd = pieceStart
            while pieceEnd < forms.count, forms[pieceEnd] != GazetteerFormat.tokenSeparator { pieceEnd += 1 }
            let piece = UnsafeBufferPointer(rebasing: forms[pieceStart ..< pieceEnd])
            if let range = asciiTokenRange(token), record.asciiForms || KeyNormalizer.isASCII(piece) {
                guard Self.asciiAgrees(UnsafeBufferPointer(rebasing: text[range]), piece, form) else { return false }
            } else {
                guard tokenAgrees(UnsafeBufferPointer(rebasing: text[document.tokens.byteRange(token)]), piece, form) else { return false }
            }
            pieceStart = pieceEnd + 1
        }
        return true
    }

    /// Whether some ASCII token of `span` holds a lower-case ASCII letter: such a token never
    /// agrees exactly with an acronym entry, whose forms the compiler only marks
    /// ``CasePolicy/acronym`` when they hold no lower-case ASCII letter (``TrieBuilder``). An ASCII
    /// token is its own NFC form, so no normalisation could make them agree.
    ///
    /// Lets ``agrees`` turn down "us", "who" and "it" against the acronyms "US", "WHO" and "IT"
    /// (about one token in three in news text) without reading the entry.
    @inline(__always)
    func hasLowerCaseASCIIToken(_ span: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        span.contains { token in
            guard let range = asciiTokenRange(token) else { return false }
            return text[range].contains { $0 &- 0x61 < 26 }
        }
    }

    /// Whether ASCII token `bytes` agree with ASCII `piece` in `form`: equal, or (case-folded) equal
    /// but for the case of letters.
    @inline(__always)
    private static func asciiAgrees(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: UnsafeBufferPointer<UInt8>, _ form: KeyNormalizer.Form) -> Bool {
        guard bytes.count == piece.count else { return false }
        for index in 0 ..< bytes.count {
            let a = bytes[index], b = piece[index]
            if a == b { continue }
            if form == .nfc || a | 0x20 != b | 0x20 || (a | 0x20) &- 0x61 >= 26 { return false }
        }
        return true
    }

    /// Whether a token's `bytes` agree with an entry's `piece` (its NFC token) in `form`, when
    /// one of them is not ASCII.
    private mutating func tokenAgrees(
        _ bytes: UnsafeBufferPointer<UInt8>, _ piece: UnsafeBufferPointer<UInt8>,
        _ form: KeyNormalizer.Form
    ) -> Bool {
        // Equal bytes have equal forms: no need to normalise either side.
        if bytes.count == piece.count, bytes.elementsEqual(piece) { return true }
        if KeyNormalizer.isASCII(bytes) { return entryAgrees(form, piece, asciiToken: bytes) }
        documentForm.removeAll(keepingCapacity: true)
        normalizerForm(form, bytes)
        return entryAgrees(form, piece)
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

    /// Whether `piece` (an entry's NFC token) in `form` equals ASCII token `bytes` in `form`, which
    /// is `bytes` themselves (NFC) or lower-cased (case-folded), as ``KeyNormalizer`` forms them:
    /// compared byte by byte, without forming the token into ``documentForm``.
    fileprivate mutating func entryAgrees(
        _ form: KeyNormalizer.Form, _ piece: UnsafeBufferPointer<UInt8>, asciiToken bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        entryForms.withForm(form, of: piece) { normalized in
            guard normalized.count == bytes.count else { return false }
            for index in 0 ..< bytes.count {
                let byte = form == .nfc ? bytes[index] : KeyNormalizer.foldASCII(bytes[index])
                if normalized[index] != byte { return false }
            }
            return true
        }
    }

    /// Whether `piece` (an entry's NFC token) in `form` equals ``documentForm``.
    fileprivate mutating func entryAgrees(_ form: KeyNormalizer.Form, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        let target = documentForm
        return entryForms.withForm(form, of: piece) { normalized in
            normalized.elementsEqual(target)
        }
    }
}
