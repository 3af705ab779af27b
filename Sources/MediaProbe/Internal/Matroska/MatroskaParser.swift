import Diagnostics

/// Matroska and WebM (RFC 9559): the EBML header's DocType, then Info, Tracks, Chapters and Tags
/// up to the first Cluster. Clusters, which hold the media, are never read.
enum MatroskaParser: FormatParser {
  static let container = Container.matroska
  static let magic: [UInt8] = [0x1A, 0x45, 0xDF, 0xA3]

  static func matches(_ head: [UInt8]) -> Bool { head.starts(with: magic) }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let location = SourceLocation(file: info.path)
    var window = ReadAheadWindow(source, chunk: 16 * 1024)
    let start = try ContentStart.find(&window, magic: magic, format: "Matroska", into: &info)
    let scan = try MatroskaScan(&window, start: start, limits: limits, location: location)
    info.findings += scan.findings
    guard let docType = scan.docType, docType == "webm" || docType == "matroska" else {
      if scan.findings.isEmpty {
        info.findings.append(ProbeRules.unknownFormat.finding(
          "the EBML DocType is '\(scan.docType ?? "")', not webm or matroska; Podium reads only those", at: location))
      }
      return
    }
    let webm = docType == "webm"
    let hasVideo = scan.tracks.contains { $0.track.kind == .video }
    info.container = webm ? .webm : .matroska
    info.mimeType = (hasVideo ? "video/" : "audio/") + (webm ? "webm" : "x-matroska")
    describe(scan, into: &info)
    if scan.durationTicks == nil || scan.segmentCut, let firstCluster = scan.firstCluster,
      let seconds = try lengthFromClusters(&window, scan, firstCluster: firstCluster)
    {
      info.duration = seconds
    }
    info.bitrate = AverageBitrate.of(bytes: info.size, seconds: info.duration)
    // A damaged file was reported already; a missing track or duration follows from it.
    guard scan.findings.isEmpty else { return }
    if scan.tracks.isEmpty {
      info.findings.append(ProbeRules.malformed.finding(
        "no Tracks before the first Cluster\(scan.firstCluster.map { " (byte \($0))" } ?? ""); the file can't be played, remux it (ffmpeg -i IN -c copy OUT)",
        at: location))
    } else if scan.durationTicks == nil {
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "the Segment Info has no Duration, as in live or browser (MediaRecorder) recordings\(info.duration == nil ? ", and no whole cluster was found at the end, so the length is unknown" : "; the length was read from the last cluster"); remux the file (ffmpeg -i IN -c copy OUT.webm) to write it",
        at: location))
    }
  }

  /// The time from the first block to the end of the last whole one, from the first cluster and
  /// a bounded tail; what decoders play of a file without a duration or one cut short.
  private static func lengthFromClusters(
    _ window: inout ReadAheadWindow<some ByteSource>, _ scan: MatroskaScan, firstCluster: Int64
  ) throws(ProbeFailure) -> Double? {
    let timing = MatroskaClusterTail(tracks: scan.tracks.filter { $0.track.kind != .text }, timestampScale: scan.timestampScale)
    let size = window.fileSize
    let head = Array(try window.bytes(at: firstCluster, count: 4096, readAhead: 4096))
    let start = timing.firstStart(head) ?? 0
    for length in MatroskaClusterTail.tailLengths {
      let from = max(firstCluster, size - Int64(length))
      if let end = timing.lastEnd(Array(try window.bytes(at: from, count: Int(size - from), readAhead: 0))), end >= start {
        return Double(end - start) / 1e9
      }
      if from == firstCluster { break }
    }
    return nil
  }

  private static func describe(_ scan: MatroskaScan, into info: inout MediaInfo) {
    info.tracks = scan.tracks.map(\.track)
    info.codecs = info.tracks.compactMap(\.codec)
    let video = info.tracks.first { $0.kind == .video }
    let audio = info.tracks.first { $0.kind == .audio }
    info.width = video?.width
    info.height = video?.height
    info.frameRate = video?.frameRate
    info.sampleRate = audio?.sampleRate
    info.channels = audio?.channels
    info.chapters = scan.chapters
    info.tags = scan.tags
    if info.tags["title"] == nil, let title = scan.title, !title.isEmpty { info.tags["title"] = title }
    if let ticks = scan.durationTicks {
      let seconds = ticks * Double(scan.timestampScale) / 1e9
      if seconds.isFinite, seconds >= 0 { info.duration = seconds }
    }
  }
}
