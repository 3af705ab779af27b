extension MP4MovieParser {
  /// The longest `stts` read for a frame rate; a longer one (variable frame rate) is skipped and
  /// the rate comes from the sample count and the media duration.
  static var maximumTimingEntries: Int { 1024 }

  func parseSampleTable(_ stbl: MP4Box, into track: inout MP4Track) throws(ProbeFailure) {
    try walker.forEachChild(of: stbl, depth: 5) { box throws(ProbeFailure) in
      switch box.type {
      case .stsd: track.entry = try parseSampleDescriptions(box, handler: track.handler)
      case .stts:
        track.tables.stts = box
        if track.handler == .vide { try readTiming(box, into: &track.tables) }
      case .stsz, .stz2:
        track.tables.stsz = box
        track.tables.sampleCount = try walker.field(box, at: 8, bytes: 4)
      case .stsc: track.tables.stsc = box
      case .stco, .co64: track.tables.chunkOffsets = box
      default: break
      }
    }
    if track.entry?.isMPEGAudio == true, let chunks = track.tables.chunkOffsets, walker.allowJump() {
      try readFirstFrame(chunks, into: &track)
    }
  }

  /// For MP3: the first chunk's first frame header.
  private func readFirstFrame(_ chunks: MP4Box, into track: inout MP4Track) throws(ProbeFailure) {
    guard let count = try walker.field(chunks, at: 4, bytes: 4), count > 0,
      let offset = try walker.field(chunks, at: 8, bytes: chunks.type == .co64 ? 8 : 4),
      let header = MP4MPEGAudioFrame.header(try walker.bytes(at: Int64(clamping: offset), count: 4))
    else { return }
    track.entry?.sampleRate = header.sampleRate
    track.entry?.channels = header.channels
  }

  private func readTiming(_ box: MP4Box, into tables: inout MP4SampleTables) throws(ProbeFailure) {
    let limit = 8 + 8 * Self.maximumTimingEntries
    let totals = try walker.parse(box, limit: limit) { reader throws(ProbeFailure) -> (UInt64, UInt64)? in
      try reader.skip(4)
      let claimed = try reader.u32be()
      guard claimed <= Self.maximumTimingEntries else { return nil }
      let count = walker.entryCount(claimed, entrySize: 8, in: box, room: reader.remaining)
      var samples: UInt64 = 0
      var ticks: UInt64 = 0
      for _ in 0..<count {
        let run = UInt64(try reader.u32be())
        let (total, overflow) = ticks.addingReportingOverflow(run * UInt64(try reader.u32be()))
        guard !overflow else { return nil }
        samples += run
        ticks = total
      }
      return (samples, ticks)
    }
    guard let totals, let (samples, ticks) = totals else { return }
    tables.timedSamples = samples
    tables.timedTicks = ticks
  }
}
