import Testing
import TextPipeline

/// Canonical ids are kept as bytes: copied into the layer's pool, or read in place from a
/// registered store (as the gazetteer NER does with its mapped files); both must read back
/// exactly, through every way a layer is read, copied and compared.
@Suite struct EntityLayerTests {
    /// Bytes kept alive by the store that refers to them.
    final class Bytes {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        init(_ text: String) {
            buffer = .allocate(capacity: text.utf8.count)
            _ = buffer.initialize(from: text.utf8)
        }
        deinit { buffer.deallocate() }
        var store: CanonicalIDStore { CanonicalIDStore(bytes: UnsafeBufferPointer(buffer), owner: self) }
    }

    @Test("ids in place and copied ids read back in order, with entities that have none")
    func idsInPlaceAndCopied() {
        let table = Bytes("geonames:1835841iso3166:KPtp:org/kcna")
        var layer = EntityLayer()
        let store = layer.register(table.store)
        #expect(store == 1)
        layer.append(tokens: 0 ..< 1, label: .location, canonicalIDAt: 16, length: 10, in: store!)
        layer.append(tokens: 1 ..< 3, label: .person, canonicalID: "tp:person/vladimir-putin")
        layer.append(tokens: 3 ..< 4, label: .miscellaneous, canonicalID: nil)
        layer.append(tokens: 4 ..< 5, label: .organization, canonicalIDAt: 26, length: 11, in: store!)
        layer.append(tokens: 5 ..< 6, label: .location, canonicalIDAt: 0, length: 16, in: store!)
        #expect(Array(layer.canonicalIDs) == ["iso3166:KP", "tp:person/vladimir-putin", nil, "tp:org/kcna", "geonames:1835841"])
        #expect((0 ..< layer.count).map(layer.hasCanonicalID) == [true, true, false, true, true])
        #expect(layer.withCanonicalIDBytes(2) { $0.count } == 0)
        #expect(layer.withCanonicalIDBytes(3) { Array($0) } == Array("tp:org/kcna".utf8))
    }

    @Test("registering the same store twice gives one number; another store gets the next")
    func registration() {
        let first = Bytes("a:1").store, second = Bytes("b:2").store
        var layer = EntityLayer()
        #expect(layer.register(first) == 1)
        #expect(layer.register(second) == 2)
        #expect(layer.register(first) == 1)
        layer.append(tokens: 0 ..< 1, label: .location, canonicalIDAt: 0, length: 3, in: 2)
        layer.append(tokens: 1 ..< 2, label: .location, canonicalIDAt: 0, length: 3, in: 1)
        #expect(Array(layer.canonicalIDs) == ["b:2", "a:1"])
    }

    @Test("a layer that refers to 254 stores refuses the 255th, and its ids still read back")
    func storeLimit() {
        let tables = (0 ..< 255).map { Bytes("id:\($0)") }
        var layer = EntityLayer()
        for (index, table) in tables.prefix(254).enumerated() {
            let number = layer.register(table.store)
            #expect(number == index + 1)
            layer.append(tokens: index ..< index + 1, label: .person, canonicalIDAt: 0, length: table.buffer.count, in: number!)
        }
        #expect(layer.register(tables[254].store) == nil)
        #expect(layer.canonicalIDs[0] == "id:0")
        #expect(layer.canonicalIDs[253] == "id:253")
    }

    @Test("a store's bytes live as long as a layer refers to them, and no longer")
    func storeKeepsItsBytesAlive() {
        var layer = EntityLayer()
        weak var owner: Bytes?
        do {
            let table = Bytes("wikidata:Q7747")
            owner = table
            let number = layer.register(table.store)!
            layer.append(tokens: 0 ..< 2, label: .person, canonicalIDAt: 0, length: 14, in: number)
        }
        #expect(owner != nil)
        #expect(layer.canonicalIDs[0] == "wikidata:Q7747")
        layer = EntityLayer()
        #expect(owner == nil)
    }

    @Test("layers compare by decoded ids, wherever the bytes are kept")
    func equalityIgnoresWhereIDsLive() {
        let table = Bytes("tp:org/kcna")
        var inPlace = EntityLayer(), copied = EntityLayer()
        inPlace.append(tokens: 0 ..< 1, label: .organization, canonicalIDAt: 0, length: 11, in: inPlace.register(table.store)!)
        copied.append(tokens: 0 ..< 1, label: .organization, canonicalID: "tp:org/kcna")
        #expect(inPlace == copied)
        var other = EntityLayer()
        other.append(tokens: 0 ..< 1, label: .organization, canonicalIDAt: 3, length: 8, in: other.register(table.store)!)
        #expect(other != copied)
        #expect(other.canonicalIDs[0] == "org/kcna")
    }

    @Test("moving token boundaries keeps labels and ids")
    func moveTokenBoundaries() {
        let table = Bytes("geonames:1")
        var layer = EntityLayer()
        layer.append(tokens: 2 ..< 4, label: .location, canonicalIDAt: 0, length: 10, in: layer.register(table.store)!)
        layer.append(tokens: 5 ..< 6, label: .person, canonicalID: "tp:person/x")
        layer.moveTokenBoundaries { $0 < 3 ? $0 : $0 + 1 }
        #expect(layer.tokenRange(0) == 2 ..< 5)
        #expect(layer.tokenRange(1) == 6 ..< 7)
        #expect(Array(layer.labels) == [.location, .person])
        #expect(Array(layer.canonicalIDs) == ["geonames:1", "tp:person/x"])
    }

    @Test("output writes ids from a store and from the pool, escaped as JSON strings")
    func outputWritesIDs() {
        let table = Bytes("tp:org/\"quoted\"")
        var document = Document(text: "Acme and Globex")
        document.tokens.append(start: 0, end: 4, kind: .word)
        document.tokens.append(start: 5, end: 8, kind: .word)
        document.tokens.append(start: 9, end: 15, kind: .word)
        let number = document.entities.register(table.store)!
        document.entities.append(tokens: 0 ..< 1, label: .organization, canonicalIDAt: 0, length: table.buffer.count, in: number)
        document.entities.append(tokens: 2 ..< 3, label: .organization, canonicalID: "tp:org/globex")
        var out = JSONBuffer()
        OutputEncoder(options: OutputOptions(layers: [.entities])).encode(document, into: &out)
        let line = String(decoding: out.bytes, as: UTF8.self)
        #expect(line.contains(#""id":"tp:org/\"quoted\"""#))
        #expect(line.contains(#""id":"tp:org/globex""#))
    }

    @Test("more labels than the layer's table holds read back, and relabelling moves labels in and out of it")
    func manyLabels() {
        var layer = EntityLayer()
        let labels = (0 ..< 300).map { EntityLabel(rawValue: "L\($0)") }
        for (index, label) in labels.enumerated() { layer.append(tokens: index ..< index + 1, label: label, canonicalID: "id:\(index)") }
        #expect(Array(layer.labels) == labels)
        layer.relabel(280, as: .person)
        layer.relabel(3, as: EntityLabel(rawValue: "L299"))
        layer.relabel(299, as: EntityLabel(rawValue: "NEW"))
        #expect(layer.labels[280] == .person)
        #expect(layer.labels[3] == EntityLabel(rawValue: "L299"))
        #expect(layer.labels[299] == EntityLabel(rawValue: "NEW"))
        #expect(layer.labels[298] == labels[298])
        #expect(layer.canonicalIDs[299] == "id:299")
    }

    @Test("ids of 64 KiB and longer are kept whole, beside short ones")
    func longIDs() {
        let long = String(repeating: "x", count: 70_000), edge = String(repeating: "y", count: 65_534)
        var layer = EntityLayer()
        layer.append(tokens: 0 ..< 1, label: .person, canonicalID: "short")
        layer.append(tokens: 1 ..< 2, label: .person, canonicalID: long)
        layer.append(tokens: 2 ..< 3, label: .person, canonicalID: edge)
        layer.append(tokens: 3 ..< 4, label: .person, canonicalID: "")
        #expect(Array(layer.canonicalIDs) == ["short", long, edge, ""])
        #expect((0 ..< 4).map(layer.hasCanonicalID) == [true, true, true, true])
    }
}
