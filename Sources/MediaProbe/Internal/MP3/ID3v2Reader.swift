import Diagnostics

/// Reads one ID3v2 tag's frames in a single pass and without recursion: text into `info.tags`,
/// pictures into `info.artwork`, CHAP and CTOC into `info.chapters`. Other frames are skipped
/// unread, so a tag holding a large cover costs a few KB.
struct ID3v2Reader<Source: ByteSource> {
  let tag: ID3v2TagHeader
  var window: ID3TagWindow<Source>
  let limits: ProbeLimits
  let location: SourceLocation
  /// The tag was unsynchronised as a whole and is read from a decoded copy.
  let decoded: Bool
  var chapters: [(id: String, chapter: MediaChapter, offset: Int64)] = []
  var tableOfContents: [String]?
  /// A comment from a COMM frame with a description, or ffmpeg's TXXX "comment": used when no
  /// COMM frame without a description says more.
  var commentFallback: String?

  static var textLimit: Int { 16 * 1024 }
  static var chapterLimit: Int { 64 * 1024 }

  /// Reads the tag `tag` from `source` into `info`.
  static func read(_ tag: ID3v2TagHeader, from source: Source, limits: ProbeLimits, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    let location = SourceLocation(file: info.path)
    guard (2...4).contains(tag.major), !tag.compressed else {
      info.findings.append(ProbeRules.malformed.finding(
        "the ID3v2.\(tag.major) tag at byte \(tag.offset) is of a version or kind nothing reads (compressed "
          + "ID3v2.2 or a version after 2.4); its text is ignored — rewrite the tag as ID3v2.3 or 2.4",
        at: location))
      return
    }
    let bodyStart = tag.offset + 10
    let bodyEnd = min(bodyStart + tag.size, source.size)
    var window = ID3TagWindow(source: source, start: bodyStart, end: bodyEnd)
    let decoded = tag.unsynchronised && tag.major < 4
    if decoded {
      guard bodyEnd - bodyStart <= Int64(limits.maximumChunk) else {
        info.findings.append(ProbeRules.limitReached.finding(
          "the unsynchronised ID3v2 tag at byte \(tag.offset) is \(tag.size) bytes, more than the probe decodes "
            + "(\(limits.maximumChunk)); its text is ignored", at: location))
        return
      }
      let raw = try source.read(at: bodyStart, count: Int(bodyEnd - bodyStart))
      window = ID3TagWindow(memory: ID3Unsynchronisation.decode(raw[...]))
    }
    var reader = ID3v2Reader(tag: tag, window: window, limits: limits, location: location, decoded: decoded)
    try reader.readFrames(into: &info)
  }

  /// Visits every frame header, reading the bodies of the frames Podium uses.
  mutating func readFrames(into info: inout MediaInfo) throws(ProbeFailure) {
    var position = window.start
    if tag.hasExtendedHeader {
      guard let length = try extendedHeaderLength(at: position) else {
        malformed("the extended header at \(place(position)) has an impossible size", &info)
        return
      }
      position += length
    }
    let headerLength = ID3v2FrameHeader.length(major: tag.major)
    var visited = 0
    while position + Int64(headerLength) <= window.end {
      let raw = try window.bytes(at: position, count: headerLength)
      if raw.first == 0 { break }  // Padding.
      guard let frame = try frameHeader(raw, at: position) else {
        malformed("the bytes at \(place(position)) are not an ID3v2 frame", &info)
        break
      }
      let bodyStart = position + Int64(headerLength)
      guard Int64(frame.bodySize) <= window.end - bodyStart else {
        malformed(
          "frame \(frame.id) at \(place(position)) claims \(frame.bodySize) bytes, past the tag's end at "
            + "\(place(window.end))", &info)
        break
      }
      if !frame.unreadable { try readFrame(frame, at: bodyStart, into: &info) }
      position = bodyStart + Int64(frame.bodySize)
      visited += 1
      if visited >= limits.maximumItems {
        info.findings.append(ProbeRules.limitReached.finding(
          "stopped after \(visited) frames in the ID3v2 tag at byte \(tag.offset)", at: location))
        break
      }
    }
    finish(into: &info)
  }

  private mutating func readFrame(_ frame: ID3v2FrameHeader, at bodyStart: Int64, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    switch frame.id {
    case "TIT2", "TT2": try text(frame, at: bodyStart, key: "title", into: &info)
    case "TPE1", "TP1": try text(frame, at: bodyStart, key: "artist", into: &info)
    case "TALB", "TAL": try text(frame, at: bodyStart, key: "album", into: &info)
    case "TDRC", "TYER", "TYE": try text(frame, at: bodyStart, key: "date", into: &info)
    case "COMM", "COM": try comment(frame, at: bodyStart, into: &info)
    case "TXXX", "TXX": try userText(frame, at: bodyStart)
    case "APIC", "PIC": try picture(frame, at: bodyStart, into: &info)
    case "CHAP": try chapter(frame, at: bodyStart, into: &info)
    case "CTOC": try tableOfContents(frame, at: bodyStart)
    default: break
    }
  }

  /// The frame header at `position`. ID3v2.4 sizes are syncsafe, but iTunes wrote plain ones: when
  /// the two readings differ, the one after which another frame (or the end) follows wins.
  private mutating func frameHeader(_ raw: ArraySlice<UInt8>, at position: Int64) throws(ProbeFailure)
    -> ID3v2FrameHeader?
  {
    guard tag.major == 4 else { return ID3v2FrameHeader(raw, major: tag.major) }
    let unsynchronised = tag.unsynchronised
    guard let plain = ID3v2FrameHeader(raw, major: 4, syncsafeSize: false, tagUnsynchronised: unsynchronised)
    else { return nil }
    if ID3v2FrameHeader.hasPlainSize(raw) { return plain }
    guard let syncsafe = ID3v2FrameHeader(raw, major: 4, tagUnsynchronised: unsynchronised) else { return nil }
    if plain.bodySize == syncsafe.bodySize { return syncsafe }
    if try startsFrame(at: position + 10 + Int64(syncsafe.bodySize)) { return syncsafe }
    return try startsFrame(at: position + 10 + Int64(plain.bodySize)) ? plain : syncsafe
  }

  /// Whether a frame, padding or the end of the tag is at `offset`.
  private mutating func startsFrame(at offset: Int64) throws(ProbeFailure) -> Bool {
    if offset == window.end { return true }
    guard offset + 4 <= window.end else { return false }
    let bytes = try window.peek(at: offset, count: 4)
    return bytes.first == 0 || ID3v2FrameHeader.isFrameID(bytes[...])
  }

  /// The extended header's length: ID3v2.3 counts it without its size field, ID3v2.4 with it.
  private mutating func extendedHeaderLength(at position: Int64) throws(ProbeFailure) -> Int64? {
    guard position + 4 <= window.end else { return nil }
    let sizeBytes = try window.bytes(at: position, count: 4)
    let length =
      tag.major == 4 ? ID3v2TagHeader.syncsafe(sizeBytes) : 4 + sizeBytes.reduce(Int64(0)) { $0 << 8 | Int64($1) }
    guard length >= 6, length <= window.end - position else { return nil }
    return length
  }

  /// The frame's data after its prefix, decoded from unsynchronisation, at most `limit` bytes.
  mutating func body(_ frame: ID3v2FrameHeader, at bodyStart: Int64, limit: Int) throws(ProbeFailure) -> [UInt8] {
    let dataStart = bodyStart + Int64(frame.prefixLength)
    let available = frame.bodySize - frame.prefixLength
    guard frame.unsynchronised else { return Array(try window.bytes(at: dataStart, count: min(available, limit))) }
    let raw = try window.bytes(at: dataStart, count: min(available, limit * 2))
    return Array(ID3Unsynchronisation.decode(raw).prefix(limit))
  }

  /// Where `offset` is, for messages.
  func place(_ offset: Int64) -> String {
    decoded
      ? "byte \(offset + 10) of the unsynchronised ID3v2 tag at byte \(tag.offset)"
      : "byte \(offset) (in the ID3v2 tag at byte \(tag.offset))"
  }

  func malformed(_ what: String, _ info: inout MediaInfo) {
    info.findings.append(ProbeRules.malformed.finding(
      "\(what); the rest of the tag is ignored — rewrite the tags with a tag editor", at: location))
  }
}
