/// A master element's data held in memory, read child by child. Every child must fit inside its
/// parent, nesting is bounded by `ProbeLimits.maximumDepth` and the element count by a budget.
struct EBMLBody {
  struct Child {
    let element: EBMLElement
    /// The child's data, as indices into `bytes`.
    let range: Range<Int>
  }

  /// Limits shared by every body read from one file.
  struct Budget {
    var elements: Int
    let maximumDepth: Int
  }

  let bytes: [UInt8]
  /// The file offset of `bytes[0]`.
  let base: Int64

  /// The children of the data in `range`, which sits at nesting `depth`.
  ///
  /// - Throws: `malformed` for a child that claims more than its parent holds or has an unknown
  ///   size, `limit` past the depth or element budget.
  func children(in range: Range<Int>, depth: Int, budget: inout Budget) throws(EBMLError) -> [Child] {
    guard depth <= budget.maximumDepth else {
      throw .limit(
        offset: base + Int64(range.lowerBound), "EBML elements nest deeper than \(budget.maximumDepth) levels at byte \(base + Int64(range.lowerBound))")
    }
    var reader = ByteReader(bytes, base: base)
    var children: [Child] = []
    var position = range.lowerBound
    while position < range.upperBound {
      budget.elements -= 1
      guard budget.elements >= 0 else {
        throw .limit(offset: base + Int64(position), "too many EBML elements (byte \(base + Int64(position)))")
      }
      do { try reader.seek(to: position) } catch { throw .cut(offset: base + Int64(position)) }
      let element = try EBMLElement(&reader)
      let start = reader.position
      guard let size = element.size else {
        throw .malformed(offset: element.offset, "the element 0x\(String(element.id, radix: 16, uppercase: true)) at byte \(element.offset) has an unknown size, which only Segment and Cluster may have")
      }
      guard start <= range.upperBound, size <= Int64(range.upperBound - start) else {
        throw .malformed(offset: element.offset, "the element 0x\(String(element.id, radix: 16, uppercase: true)) at byte \(element.offset) claims \(size) bytes, more than its parent holds (\(range.upperBound - min(start, range.upperBound)))")
      }
      children.append(Child(element: element, range: start..<start + Int(size)))
      position = start + Int(size)
    }
    return children
  }

  func data(_ child: Child) -> ArraySlice<UInt8> { bytes[child.range] }

  /// An unsigned integer of 0 to 8 bytes.
  func uint(_ child: Child) -> UInt64? {
    guard child.range.count <= 8 else { return nil }
    return bytes[child.range].reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A 4- or 8-byte IEEE float (0 bytes is 0).
  func float(_ child: Child) -> Double? {
    switch child.range.count {
    case 0: return 0
    case 4: return uint(child).map { Double(Float(bitPattern: UInt32($0))) }
    case 8: return uint(child).map { Double(bitPattern: $0) }
    default: return nil
    }
  }

  /// A string, up to any NUL padding.
  func string(_ child: Child) -> String {
    String(decoding: bytes[child.range].prefix { $0 != 0 }, as: UTF8.self)
  }
}
