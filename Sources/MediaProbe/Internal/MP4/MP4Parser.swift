import Diagnostics

/// The MPEG-4 family (M4A, M4B, MP4, M4V, MOV): ISO base media files and QuickTime movies.
///
/// Only box headers are read at the top level, `mdat` is never read, and `moov` is walked box by
/// box through a small window, skipping the sample tables, so a faststart file is probed by
/// reading a few KB however long it is.
enum MP4Parser: FormatParser {
  static let container = Container.mp4
  /// The first read: enough for `ftyp` and the whole `moov` of a short file.
  static var initialRead: Int { 16 * 1024 }
  /// What a QuickTime movie without `ftyp` may start with.
  static let quickTimeStarts: Set<MP4FourCC> = [.moov, .mdat, .wide, .free, .skip, MP4FourCC("pnot")]

  static func matches(_ head: [UInt8]) -> Bool {
    guard head.count >= 8 else { return false }
    let size = head[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let type = MP4FourCC(head[4..<8])
    if type == .ftyp { return size >= 16 }
    return quickTimeStarts.contains(type) && (size == 0 || size == 1 || size >= 8)
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let walker = MP4Walker(source: source, limits: limits, location: SourceLocation(file: info.path))
    do throws(ProbeFailure) {
      try read(walker, into: &info)
    } catch {
      info.findings += walker.findings
      throw error
    }
    info.findings += walker.findings
  }

  private static func read<Source: ByteSource>(
    _ walker: MP4Walker<Source>, into info: inout MediaInfo
  ) throws(ProbeFailure) {
    _ = try walker.bytes(at: 0, count: initialRead)
    let layout = try MP4FileLayout.read(walker)
    guard let moov = layout.moov else {
      reportMissingMovie(layout, walker: walker)
      return
    }
    let movie = try MP4MovieParser(walker: walker, isQuickTime: layout.isQuickTime).parse(moov)
    var summary = MP4Summary(layout: layout, movie: movie, size: info.size)
    summary.chapters = try chapters(of: movie, walker: walker)
    summary.fill(&info, walker: walker)
  }

  private static func reportMissingMovie<Source: ByteSource>(_ layout: MP4FileLayout, walker: MP4Walker<Source>) {
    var message = "there is no 'moov' box, so the file has no index of its media"
    if let open = layout.openEnded, open.type != .mdat {
      message += "; the \(open.name) has size 0 and runs to the end of the file, hiding any boxes after it"
    } else if let mdat = layout.firstMdat {
      message += "; it is usually written after 'mdat' (at byte \(mdat.start)), so the file may be cut short"
    }
    walker.report(ProbeRules.malformed, message)
  }

  /// A QuickTime chapter track when a track names one, else Nero `chpl`.
  private static func chapters<Source: ByteSource>(
    of movie: MP4Movie, walker: MP4Walker<Source>
  ) throws(ProbeFailure) -> [MediaChapter] {
    let ids = movie.tracks.flatMap(\.chapterTrackIDs)
    if let track = movie.tracks.first(where: { ids.contains($0.id) && $0.kind == .text }) {
      let chapters = try MP4ChapterTrack(walker: walker, track: track).chapters(movieTimescale: movie.timescale)
      if !chapters.isEmpty { return chapters }
    }
    return movie.neroChapters
  }
}
