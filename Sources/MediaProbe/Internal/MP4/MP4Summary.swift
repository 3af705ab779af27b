/// Turns what the boxes said into `MediaInfo`: container-wide values from the first audio and
/// video tracks, the MIME type from the tracks and the brand, and faststart.
struct MP4Summary {
  let layout: MP4FileLayout
  let movie: MP4Movie
  let size: Int64
  var chapters: [MediaChapter] = []

  init(layout: MP4FileLayout, movie: MP4Movie, size: Int64) {
    self.layout = layout
    self.movie = movie
    self.size = size
  }

  /// Tracks that hold media, not another track's chapter titles or pictures (an enhanced
  /// podcast's chapter images are a video track; they don't make it a video).
  var mediaTracks: [MP4Track] {
    let chapterIDs = movie.chapterTrackIDs
    return movie.tracks.filter { $0.kind == .audio || !chapterIDs.contains($0.id) }
  }

  func fill<Source: ByteSource>(_ info: inout MediaInfo, walker: MP4Walker<Source>) {
    let tracks = mediaTracks.map(track)
    info.tracks = tracks
    info.duration = duration(tracks)
    if let duration = info.duration, duration > 0 {
      let bitrate = (Double(size) * 8 / duration).rounded()
      info.bitrate = bitrate < 9e18 ? Int(bitrate) : nil
    }
    if let video = tracks.first(where: { $0.kind == .video }) {
      (info.width, info.height, info.frameRate) = (video.width, video.height, video.frameRate)
    }
    if let audio = tracks.first(where: { $0.kind == .audio }) {
      (info.sampleRate, info.channels) = (audio.sampleRate, audio.channels)
    }
    var codecs: [String] = []
    for track in tracks where track.kind == .audio || track.kind == .video {
      if let codec = track.codec, !codecs.contains(codec) { codecs.append(codec) }
    }
    info.codecs = codecs
    info.mimeType = mimeType(tracks)
    info.tags = movie.tags
    info.artwork = movie.artwork
    info.chapters = closed(chapters, duration: info.duration)
    check(&info, tracks: tracks, walker: walker)
  }

  private func track(_ source: MP4Track) -> Track {
    var track = Track(kind: source.kind)
    track.codec = source.entry?.codec
    track.duration = source.duration(movieTimescale: movie.timescale)
    track.language = source.language
    switch track.kind {
    case .audio:
      track.sampleRate = source.entry?.sampleRate
      track.channels = source.entry?.channels
    case .video:
      track.width = source.width ?? source.entry?.width
      track.height = source.height ?? source.entry?.height
      track.frameRate = source.frameRate
    case .text, .other:
      break
    }
    return track
  }

  /// `mvhd`, else `mehd` or `sidx` for a fragmented file, else the longest track.
  private func duration(_ tracks: [Track]) -> Double? {
    movie.seconds(movie.duration) ?? movie.seconds(movie.fragmentDuration) ?? layout.indexedDuration
      ?? tracks.compactMap(\.duration).max()
  }

  private func mimeType(_ tracks: [Track]) -> String? {
    let brand = layout.majorBrand?.description ?? "qt  "
    let mobile = brand.hasPrefix("3g")
    if tracks.contains(where: { $0.kind == .video }) {
      if mobile { return "video/3gpp" }
      if layout.isQuickTime { return "video/quicktime" }
      return brand.hasPrefix("M4V") ? "video/x-m4v" : "video/mp4"
    }
    guard tracks.contains(where: { $0.kind == .audio }) else { return nil }
    if mobile { return "audio/3gpp" }
    return brand == "M4B " ? "audio/x-m4b" : "audio/x-m4a"
  }

  /// Each chapter ends where the next starts, the last at the end of the file.
  private func closed(_ chapters: [MediaChapter], duration: Double?) -> [MediaChapter] {
    chapters.enumerated().map { index, chapter in
      var chapter = chapter
      if chapter.end == nil { chapter.end = index + 1 < chapters.count ? chapters[index + 1].start : duration }
      return chapter
    }
  }
}
