/// Immutable bytes that an ``EntityLayer`` reads canonical ids from in place, such as the id
/// section of a memory-mapped gazetteer, kept alive by `owner` for as long as any layer refers to it.
///
/// A stage that takes ids from a read-only table registers the table once per document
/// (``EntityLayer/register(_:)``) and appends entities by offset and length into it, so no id
/// is copied until output writes it.
package final class CanonicalIDStore: @unchecked Sendable {
    // Immutable; `owner` guarantees the bytes stay mapped and unchanged.
    package let bytes: UnsafeBufferPointer<UInt8>
    private let owner: AnyObject

    /// A store over `bytes`, which must stay valid and unchanged while `owner` is alive.
    package init(bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject) {
        self.bytes = bytes
        self.owner = owner
    }
}
