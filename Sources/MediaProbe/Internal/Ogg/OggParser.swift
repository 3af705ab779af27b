import Diagnostics

/// Ogg (RFC 3533) with Opus, Vorbis, FLAC, Speex or Theora. Reads the header pages at the start
/// and a bounded tail for the last granule positions, never the pages in between.
enum OggParser: FormatParser {
  static let container = Container.ogg
  /// Tails to try: most last pages fit in the first; the second holds the largest possible page.
  static let tailLengths = [16 * 1024, OggPage.maximumLength + 8 * 1024]

  static func matches(_ head: [UInt8]) -> Bool {
    head.starts(with: [0x4F, 0x67, 0x67, 0x53]) && (head.count < 5 || head[4] == 0)
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let location = SourceLocation(file: info.path)
    var window = ReadAheadWindow(source, chunk: 16 * 1024)
    let start = try ContentStart.find(&window, magic: [0x4F, 0x67, 0x67, 0x53], format: "Ogg", into: &info)
    var headers = try OggHeaders(&window, start: start, location: location)
    info.findings += headers.findings
    let tail = try readTail(&window, start: start)
    report(tail, &info, location: location)
    for index in headers.streams.indices {
      headers.streams[index].lastGranule = tail.granules[headers.streams[index].serial]
    }
    describe(headers, into: &info, location: location)
    if let last = tail.lastPage, !headers.streams.isEmpty,
      !headers.streams.contains(where: { $0.serial == last.serial }),
      !headers.otherSerials.contains(last.serial)
    {
      info.duration = nil
      info.bitrate = nil
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "the last page (byte \(last.offset)) belongs to stream \(last.serial), which the file doesn't start with: it chains several Ogg streams, so the duration is unknown; re-encode it as one stream",
        at: location))
    }
  }

  private static func readTail(_ window: inout ReadAheadWindow<some ByteSource>, start: Int64) throws(ProbeFailure)
    -> OggTail
  {
    var tail = OggTail()
    for length in tailLengths {
      let from = max(start, window.fileSize - Int64(length))
      tail = OggTail(try window.bytes(at: from, count: Int(window.fileSize - from)), base: from, fileSize: window.fileSize)
      if tail.lastPage != nil || from == start { break }
    }
    return tail
  }

  private static func report(_ tail: OggTail, _ info: inout MediaInfo, location: SourceLocation) {
    if let cut = tail.cutPage {
      info.findings.append(ProbeRules.truncated.finding(
        "the last page (byte \(cut.offset)) needs at least \(cut.claimed) bytes but the file ends after \(info.size - cut.offset): the file was cut short; the duration counts only the complete pages; upload it again",
        at: location))
    } else if let trailing = tail.trailing {
      info.findings.append(ProbeRules.garbage.finding(
        "\(trailing.count) bytes after the last Ogg page (from byte \(trailing.offset)) are not a page; remove them",
        at: location))
    } else if tail.lastPage == nil {
      info.findings.append(ProbeRules.malformed.finding(
        "no complete Ogg page in the last \(tailLengths.last ?? 0) bytes; the file is damaged, re-encode or re-upload it",
        at: location))
    } else if let last = tail.lastPage, !last.endsStream {
      info.findings.append(ProbeRules.headerDisagrees.finding(
        "the last page (byte \(last.offset)) doesn't end its stream (no end-of-stream flag): the file may have been cut at a page boundary or still be recording; check its end",
        at: location))
    }
  }

  private static func describe(_ headers: OggHeaders, into info: inout MediaInfo, location: SourceLocation) {
    let streams = headers.streams
    guard !streams.isEmpty else {
      info.findings.append(ProbeRules.unknownFormat.finding(
        "the Ogg file holds no Opus, Vorbis, FLAC, Speex or Theora stream Podium can read; encode the audio as Opus or Vorbis",
        at: location))
      return
    }
    info.tracks = streams.map(track)
    info.codecs = streams.map(\.codec.rawValue)
    let audio = streams.first { $0.codec != .theora }
    let video = streams.first { $0.codec == .theora }
    info.mimeType = video == nil ? "audio/ogg" : "video/ogg"
    info.sampleRate = audio?.sampleRate
    info.channels = audio?.channels
    info.width = video?.width
    info.height = video?.height
    info.frameRate = video?.frameRate
    info.duration = info.tracks.compactMap(\.duration).max()
    info.bitrate = AverageBitrate.of(bytes: info.size, seconds: info.duration)
    info.tags = headers.tags
    info.artwork = headers.artwork
  }

  private static func track(_ stream: OggStream) -> Track {
    var track = Track(kind: stream.codec == .theora ? .video : .audio)
    track.codec = stream.codec.rawValue
    track.sampleRate = stream.sampleRate
    track.channels = stream.channels
    track.width = stream.width
    track.height = stream.height
    track.frameRate = stream.frameRate
    track.duration = stream.lastGranule.flatMap(stream.duration(atGranule:))
    return track
  }
}
