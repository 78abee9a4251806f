/// A growable column of plain values for one worker's hot loops.
///
/// A class over one manually managed buffer: reads and writes are a pointer
/// access, with no copy-on-write uniqueness check, which the keyword stages
/// would otherwise pay several times per word. A column belongs to exactly
/// one worker and is never shared between threads. Indices are checked by
/// `assert` (debug builds and tests).
final class Column<Element: BitwiseCopyable>: RandomAccessCollection {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "column index out of range")
            return base[index]
        }
        set {
            assert(index >= 0 && index < count, "column index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { reserveCapacity(count + 1) }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Appends into room reserved beforehand with ``reserveCapacity(_:)``: no growth check.
    @inline(__always)
    func appendReserved(_ element: Element) { appendReserved(element, keeping: true) }

    /// ``appendReserved(_:)`` that keeps the element only when `keep` is true, without a branch.
    @inline(__always)
    func appendReserved(_ element: Element, keeping keep: Bool) {
        assert(count < capacity, "column capacity not reserved")
        (base + count).initialize(to: element)
        count &+= keep ? 1 : 0
    }

    func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Appends a buffer's elements in one copy.
    func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        reserveCapacity(count + elements.count)
        if let source = elements.baseAddress { (base + count).initialize(from: source, count: elements.count) }
        count += elements.count
    }

    /// Appends `count` copies of `value`.
    func append(repeating value: Element, count added: Int) {
        reserveCapacity(count + added)
        (base + count).initialize(repeating: value, count: added)
        count += added
    }

    /// The end of the column, with room for `added` elements: they may be written
    /// there (nothing before `count` moves) and then kept with ``commitTail(_:)``.
    /// Growth keeps only the first `count` elements and zeroes the room after them,
    /// so chunked readers never load uninitialised bytes.
    @inline(__always)
    func tail(reserving added: Int) -> UnsafeMutablePointer<Element> {
        if count &+ added > capacity { growZeroed(count &+ added) }
        return base + count
    }

    @inline(never)
    private func growZeroed(_ minimum: Int) {
        reserveCapacity(minimum)
        UnsafeMutableRawPointer(base + count).initializeMemory(
            as: UInt8.self, repeating: 0, count: (capacity - count) * MemoryLayout<Element>.stride)
    }

    /// Appends the `added` elements written at ``tail(reserving:)``.
    @inline(__always)
    func commitTail(_ added: Int) {
        assert(count + added <= capacity, "column capacity not reserved")
        count &+= added
    }

    /// Exchanges the elements at `i` and `j`.
    @inline(__always)
    func swapAt(_ i: Int, _ j: Int) {
        assert(i >= 0 && i < count && j >= 0 && j < count, "column index out of range")
        let element = base[i]
        base[i] = base[j]
        base[j] = element
    }

    /// Empties the column; the buffer is kept.
    func removeAll(keepingCapacity: Bool = true) { count = 0 }

    func removeLast(_ removed: Int = 1) {
        assert(removed <= count)
        count -= removed
    }

    func reserveCapacity(_ minimum: Int) {
        guard minimum > capacity else { return }
        let grown = Swift.max(minimum, capacity * 2)
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        buffer.moveInitialize(from: base, count: count)
        base.deallocate()
        base = buffer
        capacity = grown
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
