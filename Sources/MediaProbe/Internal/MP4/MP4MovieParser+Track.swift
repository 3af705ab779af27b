extension MP4MovieParser {
  /// `trak`: its header, chapter references and media.
  func parseTrack(_ trak: MP4Box) throws(ProbeFailure) -> MP4Track {
    var track = MP4Track()
    try walker.forEachChild(of: trak, depth: 2) { box throws(ProbeFailure) in
      switch box.type {
      case .tkhd: try readTrackHeader(box, into: &track)
      case .tref:
        try walker.forEachChild(of: box, depth: 3) { reference throws(ProbeFailure) in
          guard reference.type == .chap else { return }
          track.chapterTrackIDs += try walker.parse(reference, limit: 256, MP4Fields.trackIDs) ?? []
        }
      case .mdia: try parseMedia(box, into: &track)
      case MP4FourCC("edts"):
        try walker.forEachChild(of: box, depth: 3) { list throws(ProbeFailure) in
          guard list.type == MP4FourCC("elst") else { return }
          track.edit = try walker.parse(list, limit: 8 + 20 * 8, MP4Fields.edit)
        }
      default: break
      }
    }
    return track
  }

  private func readTrackHeader(_ box: MP4Box, into track: inout MP4Track) throws(ProbeFailure) {
    let header = try walker.parse(box, limit: 96) { reader throws(ProbeFailure) in
      let version = try reader.u8()
      try reader.skip(3 + (version == 1 ? 16 : 8))
      let id = try reader.u32be()
      try reader.skip(4)
      let duration = version == 1 ? try reader.u64be() : UInt64(try reader.u32be())
      try reader.skip(52)
      let width = try reader.u32be()
      let height = try reader.u32be()
      return (id, duration, width, height)
    }
    guard let (id, duration, width, height) = header else { return }
    track.id = id
    track.presentationDuration = duration == .max || duration == UInt64(UInt32.max) ? nil : duration
    // 16.16 fixed point; audio tracks say 0.
    if width > 0, height > 0 {
      track.width = Int((UInt64(width) + 0x8000) >> 16)
      track.height = Int((UInt64(height) + 0x8000) >> 16)
    }
  }

  private func parseMedia(_ mdia: MP4Box, into track: inout MP4Track) throws(ProbeFailure) {
    try walker.forEachChild(of: mdia, depth: 3) { box throws(ProbeFailure) in
      switch box.type {
      case .mdhd:
        let fields = try walker.parse(box, limit: 40) { reader throws(ProbeFailure) in
          (try MP4Fields.timing(&reader), try reader.u16be())
        }
        guard let (timing, language) = fields else { return }
        track.timescale = timing.timescale
        track.mediaDuration = timing.duration
        track.language = MP4Fields.language(language)
      case .hdlr:
        track.handler = try walker.field(box, at: 8, bytes: 4).map { MP4FourCC(UInt32($0)) }
      case .minf:
        try walker.forEachChild(of: box, depth: 4) { child throws(ProbeFailure) in
          guard child.type == .stbl else { return }
          try parseSampleTable(child, into: &track)
        }
      default: break
      }
    }
  }
}
