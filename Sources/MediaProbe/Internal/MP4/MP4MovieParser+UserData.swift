extension MP4MovieParser {
  /// `udta`: Nero chapters (`chpl`), iTunes tags (`meta/ilst`) and QuickTime text atoms (`©nam`).
  func parseUserData(_ udta: MP4Box, depth: Int, into movie: inout MP4Movie) throws(ProbeFailure) {
    try walker.forEachChild(of: udta, depth: depth) { box throws(ProbeFailure) in
      switch box.type {
      case .chpl: movie.neroChapters = try walker.parse(box, limit: 64 * 1024, MP4Fields.neroChapters) ?? []
      case .meta: try parseMeta(box, depth: depth + 1, into: &movie)
      default:
        guard box.type.rawValue >> 24 == 0xA9, let name = MP4Tags.names[box.type], movie.tags[name] == nil
        else { return }
        movie.tags[name] = try walker.parse(box, limit: MP4Tags.maximumLength, MP4Fields.quickTimeText) ?? nil
      }
    }
  }

  /// `meta`: an ISO full box (4 bytes of version and flags before its children) or QuickTime's
  /// plain box; its `ilst` holds the tags.
  func parseMeta(_ meta: MP4Box, depth: Int, into movie: inout MP4Movie) throws(ProbeFailure) {
    guard let first = try walker.field(meta, at: 0, bytes: 4) else { return }
    let children = meta.payloadStart + (first == 0 ? 4 : 0)
    try walker.forEachChild(of: meta, from: children, depth: depth) { box throws(ProbeFailure) in
      guard box.type == .ilst else { return }
      try walker.forEachChild(of: box, depth: depth + 1) { item throws(ProbeFailure) in
        try readItem(item, depth: depth + 2, into: &movie)
      }
    }
  }

  /// One `ilst` item: its `data` boxes hold text, or for `covr` one picture each.
  private func readItem(_ item: MP4Box, depth: Int, into movie: inout MP4Movie) throws(ProbeFailure) {
    let name = MP4Tags.names[item.type]
    guard item.type == .covr || (name != nil && movie.tags[name ?? ""] == nil) else { return }
    try walker.forEachChild(of: item, depth: depth) { data throws(ProbeFailure) in
      guard data.type == .data else { return }
      if item.type == .covr {
        if let artwork = try MP4Artwork.read(data, walker: walker) { movie.artwork.append(artwork) }
      } else if let name, movie.tags[name] == nil {
        movie.tags[name] = try walker.parse(data, limit: 8 + MP4Tags.maximumLength, MP4Fields.itemText) ?? nil
      }
    }
  }
}
