import Foundation

/// Elements written by a separate ``XMLWriter`` for a place inside another one
/// (``XMLWriter/fragment(inside:indent:_:)``). Only a writer makes one, so the bytes a writer
/// appends are always libxml2's: written now, or by an earlier run
/// (``XMLWriter/fragment(copying:inside:indent:)``).
public struct XMLFragment: Sendable {
  let bytes: Data
  let ancestors: [String]
  let indent: Bool
  /// The line, in the writer that made it, where the fragment's bytes begin: ``XMLWriter/line()``
  /// inside the fragment minus this is the line counted from the fragment's start.
  public let firstLine: Int
  /// The line feeds in its bytes: how many lines it moves the writer it goes into.
  public let lineCount: Int
  /// How many bytes it adds.
  public var byteCount: Int { bytes.count }

  /// Calls `body` with its bytes.
  public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    try bytes.withUnsafeBytes(body)
  }
}
