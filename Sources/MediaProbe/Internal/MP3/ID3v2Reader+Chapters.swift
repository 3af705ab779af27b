/// CHAP and CTOC frames (the ID3v2 chapter addendum). Their embedded frames are read one level
/// deep, for a TIT2 title; frames nested deeper are skipped, so no input can make this recurse.
extension ID3v2Reader {
  /// CHAP: element id, start and end in milliseconds, two byte offsets (unused here), sub-frames.
  mutating func chapter(_ frame: ID3v2FrameHeader, at bodyStart: Int64, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    let data = try body(frame, at: bodyStart, limit: Self.chapterLimit)
    let (id, next) = ID3Text.terminated(data[...], from: 0, encoding: 0)
    var reader = ByteReader(data)
    guard (try? reader.seek(to: next)) != nil, let start = try? reader.u32be(), let end = try? reader.u32be() else {
      malformed("the CHAP frame at \(place(bodyStart - 10)) is too short for its times", &info)
      return
    }
    let title = subframeTitle(data, from: next + 16)
    let chapter = MediaChapter(
      start: Double(start) / 1000, end: end == 0xFFFF_FFFF ? nil : Double(end) / 1000, title: title)
    if let chapterEnd = chapter.end, chapterEnd < chapter.start {
      info.findings.append(ProbeRules.malformed.finding(
        "chapter \"\(title ?? id)\" (CHAP at \(place(bodyStart - 10))) ends at \(chapterEnd) s, before it starts "
          + "at \(chapter.start) s; fix the chapter times", at: location))
    }
    chapters.append((id, chapter, bodyStart - 10))
  }

  /// CTOC: element id, flags (0x02: top level), the child element ids in order, sub-frames. The
  /// first top-level table orders the chapters.
  mutating func tableOfContents(_ frame: ID3v2FrameHeader, at bodyStart: Int64) throws(ProbeFailure) {
    guard tableOfContents == nil else { return }
    let data = try body(frame, at: bodyStart, limit: Self.chapterLimit)
    let (_, next) = ID3Text.terminated(data[...], from: 0, encoding: 0)
    guard next + 2 <= data.count, data[next] & 0x02 != 0 else { return }
    var entries: [String] = []
    var position = next + 2
    for _ in 0..<Int(data[next + 1]) where position < data.count {
      let (entry, after) = ID3Text.terminated(data[...], from: position, encoding: 0)
      entries.append(entry)
      position = after
    }
    tableOfContents = entries
  }

  /// The TIT2 (TT2) among the frames embedded from `start`.
  private func subframeTitle(_ data: [UInt8], from start: Int) -> String? {
    let headerLength = ID3v2FrameHeader.length(major: tag.major)
    var position = start
    while position + headerLength <= data.count {
      guard let sub = ID3v2FrameHeader(data[position..<position + headerLength], major: tag.major) else { return nil }
      let dataStart = position + headerLength + sub.prefixLength
      let dataEnd = position + headerLength + sub.bodySize
      guard sub.bodySize >= 0, dataEnd <= data.count else { return nil }
      if sub.id == "TIT2" || sub.id == "TT2", !sub.unreadable, dataStart < dataEnd {
        let text = sub.unsynchronised ? ID3Unsynchronisation.decode(data[dataStart..<dataEnd])[...] : data[dataStart..<dataEnd]
        guard let encoding = text.first else { return nil }
        return ID3Text.decode(text.dropFirst(), encoding: encoding)
      }
      position = dataEnd
    }
    return nil
  }

  /// Puts the chapters into `info`, in the table of contents' order when there is one (chapters it
  /// leaves out follow by start time), and the fallback comment when no other was found.
  func finish(into info: inout MediaInfo) {
    if info.tags["comment"] == nil, let commentFallback { info.tags["comment"] = commentFallback }
    guard !chapters.isEmpty else { return }
    var ordered: [MediaChapter] = []
    var used = Set<Int>()
    if let tableOfContents {
      var indexByID: [String: Int] = [:]
      for (index, entry) in chapters.enumerated() where indexByID[entry.id] == nil { indexByID[entry.id] = index }
      for id in tableOfContents {
        if let index = indexByID[id], used.insert(index).inserted { ordered.append(chapters[index].chapter) }
      }
    }
    let rest = chapters.indices.filter { !used.contains($0) }.map { chapters[$0] }
    ordered += rest.sorted { ($0.chapter.start, $0.offset) < ($1.chapter.start, $1.offset) }.map(\.chapter)
    info.chapters += ordered
  }
}
