/// Text, comment and picture frames.
extension ID3v2Reader {
  /// A text frame: an encoding byte, then the text. The first tag to name a key wins.
  mutating func text(_ frame: ID3v2FrameHeader, at bodyStart: Int64, key: String, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    guard info.tags[key] == nil else { return }
    let data = try body(frame, at: bodyStart, limit: Self.textLimit)
    guard let encoding = data.first, let value = ID3Text.decode(data[1...], encoding: encoding) else { return }
    info.tags[key] = value
  }

  /// COMM: encoding, language, a short description, the text. The comment without a description
  /// is the one players show; iTunes' own (iTunNORM, iTunSMPB…) are data, not comments.
  mutating func comment(_ frame: ID3v2FrameHeader, at bodyStart: Int64, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    guard info.tags["comment"] == nil else { return }
    let data = try body(frame, at: bodyStart, limit: Self.textLimit)
    guard data.count > 4 else { return }
    let encoding = data[0]
    let (description, next) = ID3Text.terminated(data[...], from: 4, encoding: encoding)
    guard !description.hasPrefix("iTun"), let value = ID3Text.decode(data[next...], encoding: encoding) else { return }
    if description.isEmpty {
      info.tags["comment"] = value
    } else if commentFallback == nil {
      commentFallback = value
    }
  }

  /// TXXX: ffmpeg writes a file's comment as a TXXX frame described "comment".
  mutating func userText(_ frame: ID3v2FrameHeader, at bodyStart: Int64) throws(ProbeFailure) {
    guard commentFallback == nil else { return }
    let data = try body(frame, at: bodyStart, limit: Self.textLimit)
    guard let encoding = data.first else { return }
    let (description, next) = ID3Text.terminated(data[...], from: 1, encoding: encoding)
    guard description.lowercased() == "comment" else { return }
    commentFallback = ID3Text.decode(data[next...], encoding: encoding)
  }

  /// APIC (PIC in ID3v2.2): encoding, MIME type (a three-letter format in ID3v2.2), picture type,
  /// description, then the picture. Only the picture's first bytes are read, for its format and size.
  mutating func picture(_ frame: ID3v2FrameHeader, at bodyStart: Int64, into info: inout MediaInfo)
    throws(ProbeFailure)
  {
    let available = frame.bodySize - frame.prefixLength
    var region = window
    var start = bodyStart + Int64(frame.prefixLength)
    var end = start + Int64(available)
    if frame.unsynchronised {
      guard available <= limits.maximumChunk else { return }
      region = ID3TagWindow(memory: ID3Unsynchronisation.decode(try window.bytes(at: start, count: available)))
      (start, end) = (0, region.end)
    }
    let head = try region.prefix(at: start, count: Int(min(4096, end - start)))
    guard let (mimeType, dataIndex) = Self.pictureHeader(head, major: tag.major) else { return }
    let dataStart = start + Int64(dataIndex - head.startIndex)
    guard dataStart <= end else { return }
    info.artwork.append(ID3Picture.inspect(declaredMIME: mimeType, size: Int(end - dataStart)) { offset, count in
      let at = dataStart + Int64(offset)
      guard at < end, let bytes = try? region.prefix(at: at, count: Int(min(Int64(count), end - at))) else { return [] }
      return Array(bytes)
    })
  }

  /// The declared MIME type and the index where the picture data starts.
  private static func pictureHeader(_ head: ArraySlice<UInt8>, major: UInt8) -> (String, Int)? {
    guard head.count >= 4, let encoding = head.first else { return nil }
    var index = head.startIndex + 1
    var mimeType: String
    if major == 2 {
      let format = ID3Text.latin1(head[index..<index + 3]).lowercased()
      mimeType = format == "jpg" ? "image/jpeg" : "image/\(format)"
      index += 3
    } else {
      (mimeType, index) = ID3Text.terminated(head, from: index, encoding: 0)
      if !mimeType.isEmpty, !mimeType.contains("/") { mimeType = "image/\(mimeType.lowercased())" }
    }
    guard index < head.endIndex else { return nil }
    let (_, dataIndex) = ID3Text.terminated(head, from: index + 1, encoding: encoding)
    return (mimeType, dataIndex)
  }
}
