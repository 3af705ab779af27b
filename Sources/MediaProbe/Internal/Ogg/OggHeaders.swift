import Diagnostics

/// The codec headers at the start of an Ogg file: each stream's identification packet and its
/// comments. Reads pages in order until every stream has both, which is a few KB in practice.
struct OggHeaders {
  /// Header pages come first, so a file that needs more than these has no real headers.
  static let maximumPages = 512
  static let maximumHeaderBytes: Int64 = 1024 * 1024

  var streams: [OggStream] = []
  /// Serial numbers of streams whose codec is unknown (Skeleton and others).
  var otherSerials: [UInt32] = []
  var tags: [String: String] = [:]
  var artwork: [EmbeddedArtwork] = []
  var findings: [Finding] = []

  init(_ window: inout ReadAheadWindow<some ByteSource>, start: Int64, location: SourceLocation) throws(ProbeFailure) {
    var collectors: [UInt32: OggPacketCollector] = [:]
    var order: [UInt32] = []
    var offset = start
    for _ in 0..<Self.maximumPages where offset - start < Self.maximumHeaderBytes {
      let head = try window.bytes(at: offset, count: OggPage.fixedHeaderLength + 255)
      guard !head.isEmpty, let page = OggPage(head, offset: offset) else {
        // The end, or a page cut short: the tail scan reports that.
        if head.count >= OggPage.fixedHeaderLength, !OggPage.hasCapture(head) {
          findings.append(ProbeRules.malformed.finding(
            "expected an Ogg page at byte \(offset) but found other bytes; the file is damaged, re-encode or re-upload it",
            at: location))
        }
        break
      }
      let body = try window.bytes(at: offset + Int64(page.headerLength), count: page.bodyLength)
      guard body.count == page.bodyLength else { break }
      if offset == start, !page.beginsStream {
        findings.append(ProbeRules.malformed.finding(
          "the first Ogg page (byte \(offset)) doesn't begin a stream; the file is damaged, re-encode or re-upload it",
          at: location))
        break
      }
      if page.beginsStream, collectors[page.serial] == nil {
        collectors[page.serial] = OggPacketCollector()
        order.append(page.serial)
      }
      collectors[page.serial]?.append(page, body: body)
      if collectors[page.serial]?.isOverflowing == true { collectors[page.serial]?.finishOverflow() }
      // Streams that ended, or whose codec is unknown, have no more headers to wait for.
      if page.endsStream || page.beginsStream && !Self.isKnown(collectors[page.serial]) {
        collectors[page.serial]?.finish()
      }
      offset = page.end
      if !page.beginsStream, !collectors.isEmpty, collectors.values.allSatisfy(\.isDone) { break }
    }
    for serial in order {
      guard let packets = collectors[serial]?.packets, let first = packets.first,
        let stream = OggStream(serial: serial, identification: first)
      else {
        otherSerials.append(serial)
        continue
      }
      streams.append(stream)
      if packets.count > 1 { readComments(packets[1], of: stream) }
    }
  }

  private static func isKnown(_ collector: OggPacketCollector?) -> Bool {
    guard let first = collector?.packets.first else { return true }
    return OggStream(serial: 0, identification: first) != nil
  }

  /// Reads a comment packet as far as it goes; a cut-off one still yields its first fields.
  private mutating func readComments(_ packet: [UInt8], of stream: OggStream) {
    var skip = stream.commentPrefix.count
    guard packet.starts(with: stream.commentPrefix) else { return }
    if stream.codec == .flac {
      // Ogg FLAC: a metadata block header, and the block must be VORBIS_COMMENT (type 4).
      guard let type = packet.first, type & 0x7F == 4 else { return }
      skip = 4
    }
    var reader = ByteReader(packet)
    do {
      try reader.skip(skip)
      try VorbisComment.read(&reader, into: &tags, artwork: &artwork)
    } catch {
      // Kept what was read: a capped packet ends mid-entry by design.
    }
  }
}
