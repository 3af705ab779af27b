/// The tags behind the audio, outermost first: ID3v1 in the last 128 bytes (with an enhanced
/// "TAG+" block before it), then any of APE, Lyrics3v2 and an ID3v2.4 tag with a footer. Their
/// text fills what the leading ID3v2 tag leaves out; their bytes are not audio.
enum MP3TrailingTags {
  /// How much of the file's end is read at once: enough for ID3v1 and the footers before it.
  static var tailLength: Int64 { 512 }
  /// The most trailing tags stacked before ID3v1.
  static var maximumTags: Int { 8 }

  /// Reads the trailing tags into `info` and returns where the audio ends.
  static func read(_ source: some ByteSource, audioStart: Int64, limits: ProbeLimits, into info: inout MediaInfo)
    throws(ProbeFailure) -> Int64
  {
    let size = source.size
    let tailStart = max(audioStart, size - tailLength)
    let tail = try source.read(at: tailStart, count: Int(size - tailStart))
    func bytes(_ offset: Int64, _ count: Int) throws(ProbeFailure) -> ArraySlice<UInt8>? {
      guard offset >= audioStart, offset + Int64(count) <= size else { return nil }
      if offset >= tailStart, Int(offset - tailStart) + count <= tail.count {
        return tail[Int(offset - tailStart)..<Int(offset - tailStart) + count]
      }
      let read = try source.read(at: offset, count: count)
      return read.count == count ? read[...] : nil
    }

    var end = size
    var id3v1: [String: String] = [:]
    if let tag = try bytes(end - ID3v1Tag.length, Int(ID3v1Tag.length)), ID3v1Tag.isTag(tag) {
      id3v1 = ID3v1Tag.fields(tag)
      end -= ID3v1Tag.length
      if let plus = try bytes(end - ID3v1Tag.enhancedLength, 4), plus.elementsEqual("TAG+".utf8) {
        end -= ID3v1Tag.enhancedLength
      }
    }
    var ape: [String: String] = [:]
    for _ in 0..<maximumTags {
      if let footer = try bytes(end - APETag.footerLength, Int(APETag.footerLength)),
        footer.prefix(8).elementsEqual("APETAGEX".utf8)
      {
        guard let tag = try APETag.read(footer, endingAt: end, audioStart: audioStart, source: source, into: &info)
        else { break }
        ape.merge(tag.fields) { old, _ in old }
        end = tag.start
      } else if let footer = try bytes(end - 15, 15), footer.suffix(9).elementsEqual("LYRICS200".utf8),
        let length = Int(String(decoding: footer.prefix(6), as: UTF8.self)),
        let begin = try bytes(end - 15 - Int64(length), 11), begin.elementsEqual("LYRICSBEGIN".utf8)
      {
        end -= 15 + Int64(length)
      } else if let footer = try bytes(end - 10, 10), let tag = ID3v2TagHeader(footer, offset: end - 10, footer: true),
        let header = try bytes(end - 20 - tag.size, 10),
        let start = ID3v2TagHeader(header, offset: end - 20 - tag.size), start.size == tag.size
      {
        try ID3v2Reader.read(start, from: source, limits: limits, into: &info)
        end = start.offset
      } else {
        break
      }
    }
    for (key, value) in ape.merging(id3v1, uniquingKeysWith: { apeValue, _ in apeValue }) where info.tags[key] == nil {
      info.tags[key] = value
    }
    return end
  }
}
