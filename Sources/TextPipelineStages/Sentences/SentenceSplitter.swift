public import TextPipeline

/// The pure half of `sentences.icu@1`: turns a document's tokens, its line
/// structure and ICU's candidate boundaries into sentences made of tokens.
///
/// Every sentence boundary falls in the gap between two tokens. The splitter
/// walks the tokens once, left to right (`SentenceWalk`), and decides each
/// gap by these rules (docs/sentences.md has the full list with examples):
///
/// 1. **Blank lines.** Two or more line breaks (or U+2029) always end a
///    sentence. With ``NewlineMode/line`` every line break does.
/// 2. **Terminal clusters.** A run of `.`, `?`, `!`, `…` (and full-width
///    `。．！？`) with the closing quotes, brackets, footnote marks ("[1]",
///    ".11") and emoticons attached to it ends a sentence depending on what
///    follows: a lower-case word, a comma or no space never starts a
///    sentence (but "world.Today" is two, and informal "it? yes" is two,
///    see `isInformalLowercaseStart`); after `.`, the word before it may
///    be an abbreviation of a class (``AbbreviationList``), an initial or a
///    multi-period abbreviation, which end a sentence only before a
///    sentence-opening word (``SentenceLexicon/starters``) or as their class
///    says; ellipses end one only before a capitalised word other than "I";
///    "[...]" never does; `?`/`!` inside a short open bracket do not; a
///    quotation followed by its attribution (`"Why?" Smith asked.`) or by a
///    bracketed comment goes on.
/// 3. **Line breaks** (``NewlineMode/auto``). A single line break in a
///    hard-wrapped text (see `LineLayout`) continues the sentence unless
///    the next line is indented, starts with a bullet, or the line is a
///    heading in capitals. A greeting or sign-off line ending with a comma
///    ("Best regards,", ``SentenceLexicon/salutations``) always ends one.
///    In other texts it ends the sentence unless the
///    line plainly goes on: it ends with a comma, hyphen or a continuation
///    word ("the", "of"), or the next line is a lower-case (or bracketed,
///    or numeric) tail of the sentence.
/// 4. **Lists.** A bullet (`•`, `⁃`) after white space starts a sentence; a
///    list marker ("1.", "2)", "a.", "(iv)") at a sentence start is not a
///    sentence of its own, and the next marker in sequence starts a new
///    sentence even without final punctuation ("1) one 2) two").
/// 5. **Quotations.** Terminators inside a single-quoted quotation that
///    opens after a comma or colon do not end the introducing sentence.
/// 6. **Emoticons and emoji** end a sentence before a sentence starter.
/// 7. **Other scripts.** An ICU boundary after a terminator the splitter
///    does not know (Devanagari `।`, Arabic `؟`) is kept.
///
/// - Complexity: O(tokens + text length), whatever the input: every rule
///   looks a bounded number of tokens around a gap, and the scans that look
///   further (line lengths, paragraph ends, closing quotes) are bounded or
///   cached per line or paragraph. Word-list look-ups allocate nothing.
public struct SentenceSplitter: Sendable {
    /// Which line breaks end sentences.
    public enum NewlineMode: String, Sendable, CaseIterable {
        /// Only blank lines, punctuation and list structure. For text known to be hard-wrapped.
        case paragraph
        /// Every line break. For one-sentence-per-line input.
        case line
        /// Decide per text and per line break (rule 3). The default.
        case auto
    }

    /// What a single line break means.
    public var newlines: NewlineMode
    /// The word lists the rules consult.
    public var lexicon: SentenceLexicon

    /// A splitter with `lexicon` and the line-break mode `newlines`.
    public init(newlines: NewlineMode = .auto, lexicon: SentenceLexicon) {
        self.newlines = newlines
        self.lexicon = lexicon
    }

    /// Creates a splitter with only an abbreviation list (no starters or continuation words).
    public init(newlines: NewlineMode = .auto, abbreviations: AbbreviationList) {
        self.init(newlines: newlines, lexicon: SentenceLexicon(abbreviations: abbreviations))
    }

    /// The lexicon's abbreviations.
    public var abbreviations: AbbreviationList { lexicon.abbreviations }

    /// Writes `document.sentences` from its tokens and ICU's `candidates`
    /// (ascending byte offsets; only consulted after terminators of other scripts).
    public func split(_ document: inout Document, candidates: [Int32]) {
        var sentences = SentenceLayer()
        if !document.tokens.isEmpty { walk(document, candidates: candidates, into: &sentences) }
        document.sentences = sentences
    }

    /// ``split(_:candidates:)`` for a stage worker: the sentences are built in
    /// `buffer`, which the worker keeps across documents so that it stops
    /// growing, then copied into the document with one allocation per column.
    func split(_ document: inout Document, candidates: [Int32], buffer: inout SentenceLayer) {
        buffer.removeAll()
        if !document.tokens.isEmpty { walk(document, candidates: candidates, into: &buffer) }
        document.sentences.replaceAll(with: buffer)
    }

    /// Appends the sentences of `document` (which has tokens) to `sentences`.
    private func walk(_ document: Document, candidates: [Int32], into sentences: inout SentenceLayer) {
        let tokens = document.tokens
        document.utf8.withUnsafeBufferPointer { text in
            tokens.starts.withUnsafeBufferPointer { starts in
                tokens.ends.withUnsafeBufferPointer { ends in
                    tokens.kinds.withUnsafeBufferPointer { kinds in
                        candidates.withUnsafeBufferPointer { candidates in
                            withUnsafePointer(to: lexicon) { lexicon in
                                let view = TokenView(text: text, starts: starts, ends: ends, kinds: kinds)
                                var walk = SentenceWalk(newlines: newlines, lexicon: lexicon, view: view, candidates: candidates)
                                walk.run(into: &sentences)
                            }
                        }
                    }
                }
            }
        }
    }
}
