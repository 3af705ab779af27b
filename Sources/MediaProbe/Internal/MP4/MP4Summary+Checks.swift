extension MP4Summary {
  /// Faststart, missing media data, and a movie header that disagrees with its tracks.
  func check<Source: ByteSource>(_ info: inout MediaInfo, tracks: [Track], walker: MP4Walker<Source>) {
    guard let moov = layout.moov else { return }
    if let mdat = layout.firstMdat {
      info.faststart = moov.start < mdat.start
      if mdat.start < moov.start {
        walker.report(
          ProbeRules.notFaststart,
          "moov is at byte \(moov.start) after mdat (at byte \(mdat.start)), so playback can't start until the whole file is downloaded; re-mux with ffmpeg -movflags +faststart"
        )
      }
    } else {
      info.faststart = true
      if mediaTracks.contains(where: { ($0.tables.sampleCount ?? 0) > 0 }) {
        walker.report(
          ProbeRules.truncated,
          "there is no 'mdat' box, so the samples the \(moov.name) lists are missing; the file may be cut short")
      }
    }
    if !tracks.contains(where: { $0.kind == .audio || $0.kind == .video }) {
      walker.report(ProbeRules.malformed, "the \(moov.name) has no audio or video track")
    }
    let media = mediaTracks.compactMap { track -> Double? in
      guard let duration = track.mediaDuration, duration > 0, track.timescale > 0 else { return nil }
      return Double(duration) / Double(track.timescale)
    }.max()
    if let header = movie.seconds(movie.duration), let media, abs(header - media) > max(1, media * 0.05) {
      walker.report(
        ProbeRules.headerDisagrees,
        "mvhd says the movie lasts \(Self.seconds(header)) s, but its longest track (mdhd) holds \(Self.seconds(media)) s"
      )
    }
  }

  /// Seconds with two decimals, for messages.
  static func seconds(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
    let hundredths = (value * 100).rounded()
    return "\(Int(hundredths) / 100).\(String(Int(hundredths) % 100 + 100).dropFirst())"
  }
}
