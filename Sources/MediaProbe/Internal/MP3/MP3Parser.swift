import Diagnostics

/// MPEG-1, 2 and 2.5 audio (Layer III above all; Layers I and II are counted too) with its ID3v2,
/// ID3v1 and APE tags. The duration is exact to the frame: from the Xing, Info or VBRI header when
/// its byte count matches the file, else by counting every frame.
enum MP3Parser: FormatParser {
  static let container = Container.mp3
  /// How far past the tags the first frame may start before the file counts as not MPEG audio.
  static let firstFrameSearch: Int64 = 4 * 1024 * 1024

  /// An ID3v2 tag (`head` starts with one only when it runs past the end of the file), a frame
  /// header anywhere in the head, or zero padding after a tag. Frame sync turns up by chance, so
  /// `parse` gives the file up as unknown when no run of frames follows.
  static func matches(_ head: [UInt8]) -> Bool {
    if head.starts(with: [0x49, 0x44, 0x33]) { return true }
    // A UTF-16 byte order mark reads as a Layer I header; a text file is far likelier.
    if head.starts(with: [0xFF, 0xFE]) { return false }
    if !head.isEmpty, head.allSatisfy({ $0 == 0 }) { return true }
    return head.indices.contains { head[$0] == 0xFF && MPEGFrameHeader(head, at: $0) != nil }
      || MPEGFrameHeader.isFreeFormat(head, at: 0)
  }

  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure) {
    let leading = try ID3v2Tags.readLeading(source, limits: limits, into: &info)
    guard leading.end < source.size else {
      if !leading.overran { noAudio(leading, searched: source.size, &info) }
      return
    }
    let audioEnd = try MP3TrailingTags.read(source, audioStart: leading.end, limits: limits, into: &info)
    guard !MPEGFrameHeader.isFreeFormat(try source.read(at: leading.end, count: 4), at: 0) else {
      info.findings.append(ProbeRules.malformed.finding(
        "the MPEG audio at byte \(leading.end) is free format (no bitrate in its frame headers), which few players "
          + "play; re-encode it at a standard bitrate", at: SourceLocation(file: info.path)))
      return
    }
    var scanner = MP3FrameScanner(source: source, end: audioEnd)
    let searchEnd = leading.end + firstFrameSearch
    guard let first = try scanner.sync(from: leading.end, key: nil, before: searchEnd, trustingStart: true),
      let header = try scanner.header(at: first, chunk: type(of: scanner).syncChunk)
    else {
      noAudio(leading, searched: min(audioEnd, searchEnd), &info)
      return
    }
    if first > leading.end {
      let after = leading.found ? "between the ID3v2 tag and the first MPEG frame" : "before the first MPEG frame"
      info.findings.append(ProbeRules.garbage.finding(
        "\(first - leading.end) bytes of unknown data at bytes \(leading.end)–\(first - 1), \(after); players may "
          + "click or stall there — remove them or re-encode the file", at: SourceLocation(file: info.path)))
    }
    info.mimeType = "audio/mpeg"
    info.codecs = [header.codec]
    info.sampleRate = header.sampleRate
    info.channels = header.isMono ? 1 : 2
    let firstFrame = try scanner.bytes(at: first, count: header.frameLength)
    let measurement = MP3Measurement(
      first: first, header: header, durationHeader: MP3DurationHeader.parse(firstFrame, header: header),
      fileSize: source.size, limits: limits, location: SourceLocation(file: info.path))
    try measurement.measure(&scanner, into: &info)
    var track = Track(kind: .audio)
    (track.codec, track.duration, track.sampleRate, track.channels) =
      (header.codec, info.duration, info.sampleRate, info.channels)
    info.tracks = [track]
  }

  /// No frames: an MP3 with nothing but tags, or, without tags, not MPEG audio at all.
  private static func noAudio(_ leading: ID3v2Tags.Leading, searched end: Int64, _ info: inout MediaInfo) {
    let location = SourceLocation(file: info.path)
    if leading.found {
      info.findings.append(ProbeRules.malformed.finding(
        "no MPEG audio frames follow the ID3v2 tag (searched bytes \(leading.end)–\(end)): the file holds tags "
          + "but no audio; export the episode again", at: location))
    } else {
      info.container = nil
      info.findings.append(ProbeRules.unknownFormat.finding(
        "no run of MPEG audio frames in bytes 0–\(end): the content is not a format Podium knows (MP3, MPEG-4, Ogg, "
          + "FLAC, WAV, WebM, JPEG, PNG, WebP, WebVTT, SRT)", at: location))
    }
  }
}
