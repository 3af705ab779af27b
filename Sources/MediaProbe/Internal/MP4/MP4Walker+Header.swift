extension MP4Walker {
  /// The header of the box at `offset` inside `parent` (nil: the file), or nil when there is
  /// no valid box there; what was wrong is reported. Sizes are checked before anything trusts them.
  func header(at offset: Int64, in parent: MP4Box?) throws(ProbeFailure) -> MP4Box? {
    let end = parent?.end ?? source.size
    let room = end - offset
    guard room >= 8 else {
      if parent == nil, room > 0 {
        report(ProbeRules.garbage, "\(room) stray bytes at byte \(offset) after the last box; they are ignored")
      }
      return nil
    }
    // Top-level boxes sit far apart (a fragmented file has thousands): read just the header.
    let head = try bytes(at: offset, count: Int(min(room, 16)), minimumRead: parent == nil ? 16 : Self.refillSize)
    guard head.count >= 8, visit() else { return nil }
    var reader = ByteReader(Array(head), base: offset)
    let size32 = try reader.u32be()
    let type = MP4FourCC(try reader.bytes(4))
    if parent == nil, !type.isPrintable {
      report(
        ProbeRules.garbage, "unknown bytes at byte \(offset) where a box should start; the rest of the file is not read"
      )
      return nil
    }
    var size = UInt64(size32)
    var headerSize = 8
    switch size32 {
    case 0:
      guard let parent else {
        size = UInt64(room)
        break
      }
      report(
        ProbeRules.malformed,
        "the '\(type)' box at byte \(offset) has size 0 (to the end of the file) inside the \(parent.name), which only a last top-level box may have; the rest of its parent is not read"
      )
      return nil
    case 1:
      guard reader.remaining >= 8 else {
        report(
          ProbeRules.truncated, "the '\(type)' box at byte \(offset) has a 64-bit size, but the data ends before it")
        return nil
      }
      size = try reader.u64be()
      headerSize = 16
    default:
      break
    }
    if type == .uuid { headerSize += 16 }
    guard size >= UInt64(headerSize) else {
      let what = size32 == 1 ? "a 64-bit size of \(size)" : "size \(size)"
      let inside = parent.map { " inside the \($0.name)" } ?? ""
      report(
        ProbeRules.malformed,
        "the '\(type)' box at byte \(offset)\(inside) has \(what), smaller than its \(headerSize)-byte header; the boxes after it can't be found"
      )
      return nil
    }
    guard Int64(headerSize) <= room else {
      report(
        ProbeRules.truncated,
        "the '\(type)' box at byte \(offset) has a \(headerSize)-byte header, but the data ends \(room) bytes after its start"
      )
      return nil
    }
    guard size > UInt64(room) else {
      let end = offset + Int64(size)
      return MP4Box(type: type, start: offset, headerSize: headerSize, end: end, isCut: false, isOpenEnded: size32 == 0)
    }
    if parent?.isCut != true {
      let container = parent.map { "its parent, the \($0.name)," } ?? "the file"
      report(
        ProbeRules.truncated,
        "the '\(type)' box at byte \(offset) claims \(size) bytes, but \(container) ends \(room) bytes later, at byte \(end); the file may be cut short"
      )
    }
    return MP4Box(type: type, start: offset, headerSize: headerSize, end: end, isCut: true)
  }
}
