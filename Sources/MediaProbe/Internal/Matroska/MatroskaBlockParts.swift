/// A block's data, with the BlockDuration (ticks) and DiscardPadding (ns) of its BlockGroup.
struct MatroskaBlockParts {
  var block: ArraySlice<UInt8>
  var ticks: UInt64?
  var discardPadding: Int64 = 0

  init(block: ArraySlice<UInt8>) { self.block = block }

  init?(group data: ArraySlice<UInt8>) {
    var reader = ByteReader(Array(data))
    var block: ArraySlice<UInt8>?
    while !reader.isAtEnd, let element = try? EBMLElement(&reader), let size = element.size,
      Int64(reader.remaining) >= size
    {
      let field = reader.bytes[reader.position..<reader.position + Int(size)]
      try? reader.skip(Int(size))
      let value = field.count <= 8 ? field.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : 0
      switch element.id {
      case MatroskaID.block: block = field
      case MatroskaID.blockDuration: ticks = value
      case MatroskaID.discardPadding:
        // A signed integer of the field's width.
        let bits = UInt64(field.count * 8)
        discardPadding = bits == 0 || bits >= 64 ? Int64(bitPattern: value) : Int64(bitPattern: value << (64 - bits)) >> Int64(64 - bits)
      default: break
      }
    }
    guard let block else { return nil }
    self.block = block
  }
}
