/// Reads `moov`: the movie header, its tracks, chapters and tags. It descends only into the
/// boxes it knows, so nesting is bounded by the format as well as by `ProbeLimits.maximumDepth`.
struct MP4MovieParser<Source: ByteSource> {
  let walker: MP4Walker<Source>
  /// A QuickTime file (brand `qt  `, or no `ftyp`): sound sample entries of version 1 and 2
  /// have extra fields before their child boxes.
  let isQuickTime: Bool

  func parse(_ moov: MP4Box) throws(ProbeFailure) -> MP4Movie {
    var movie = MP4Movie()
    try walker.forEachChild(of: moov, depth: 1) { box throws(ProbeFailure) in
      switch box.type {
      case .mvhd: try readMovieHeader(box, into: &movie)
      case .trak: movie.tracks.append(try parseTrack(box))
      case .udta: try parseUserData(box, depth: 2, into: &movie)
      case .meta: try parseMeta(box, depth: 2, into: &movie)
      case .mvex:
        try walker.forEachChild(of: box, depth: 2) { child throws(ProbeFailure) in
          guard child.type == .mehd else { return }
          movie.fragmentDuration = try walker.parse(child, limit: 12, MP4Fields.versionedValue)
        }
      default: break
      }
    }
    if !movie.hasHeader {
      walker.report(
        ProbeRules.malformed, "the \(moov.name) has no readable 'mvhd' movie header; the duration comes from the tracks"
      )
    }
    return movie
  }

  private func readMovieHeader(_ box: MP4Box, into movie: inout MP4Movie) throws(ProbeFailure) {
    guard let timing = try walker.parse(box, limit: 32, MP4Fields.timing) else { return }
    movie.hasHeader = true
    movie.timescale = timing.timescale
    movie.duration = timing.duration
    if timing.timescale == 0 {
      walker.report(ProbeRules.malformed, "the \(box.name) has a timescale of 0, so its duration means nothing")
    }
  }
}
