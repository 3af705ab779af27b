extension MP4MovieParser {
  /// `stsd`: the first sample entry, with the entry count checked against what the box holds.
  func parseSampleDescriptions(_ stsd: MP4Box, handler: MP4FourCC?) throws(ProbeFailure) -> MP4SampleEntry? {
    guard let claimed = try walker.field(stsd, at: 4, bytes: 4) else { return nil }
    var found: UInt64 = 0
    var first: MP4SampleEntry?
    try walker.forEachChild(of: stsd, from: stsd.payloadStart + 8, depth: 6) { entry throws(ProbeFailure) in
      found += 1
      if first == nil { first = try parseSampleEntry(entry, handler: handler) }
    }
    if found < claimed, !stsd.isCut, !walker.stopped {
      walker.report(ProbeRules.malformed, "the \(stsd.name) claims \(claimed) sample entries but holds \(found)")
    }
    return first
  }

  private func parseSampleEntry(_ entry: MP4Box, handler: MP4FourCC?) throws(ProbeFailure) -> MP4SampleEntry? {
    switch handler ?? Self.guessHandler(entry.type) {
    case .soun: return try parseAudioEntry(entry)
    case .vide: return try parseVisualEntry(entry)
    default:
      var result = MP4SampleEntry(format: entry.type)
      result.codec = entry.type.codecName
      return result
    }
  }

  /// For a track whose `hdlr` is missing or comes after `minf`.
  private static func guessHandler(_ format: MP4FourCC) -> MP4FourCC? {
    if MP4AudioEntry.formats.contains(format) { return .soun }
    if MP4VisualEntry.formats.contains(format) { return .vide }
    return nil
  }

  private func parseAudioEntry(_ entry: MP4Box) throws(ProbeFailure) -> MP4SampleEntry? {
    let quickTime = isQuickTime
    let fields = try walker.parse(entry, limit: 64) { reader throws(ProbeFailure) in
      try MP4AudioEntry(format: entry.type, &reader, quickTime: quickTime)
    }
    guard var audio = fields else { return nil }
    let children = entry.payloadStart + Int64(audio.childOffset)
    try walker.forEachChild(of: entry, from: children, depth: 7) { child throws(ProbeFailure) in
      guard child.type == .wave else { return try audio.read(child, walker: walker) }
      // QuickTime puts the codec's boxes inside `wave`.
      try walker.forEachChild(of: child, depth: 8) { inner throws(ProbeFailure) in
        try audio.read(inner, walker: walker)
      }
    }
    return audio.result
  }

  private func parseVisualEntry(_ entry: MP4Box) throws(ProbeFailure) -> MP4SampleEntry? {
    let fields = try walker.parse(entry, limit: 28) { reader throws(ProbeFailure) in
      try MP4VisualEntry(format: entry.type, &reader)
    }
    guard var visual = fields else { return nil }
    try walker.forEachChild(of: entry, from: entry.payloadStart + 78, depth: 7) { child throws(ProbeFailure) in
      try visual.read(child, walker: walker)
    }
    return visual.result
  }
}
