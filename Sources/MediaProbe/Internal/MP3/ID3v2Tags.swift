import Diagnostics

/// The ID3v2 tags at the start of an MP3 file (usually one; some files carry two or more).
enum ID3v2Tags {
  /// Where the tags end, whether there were any, and whether one claimed more than the file holds.
  struct Leading {
    var end: Int64 = 0
    var found = false
    var overran = false
  }

  /// The most tags read in a row; `ID3v2Skip` stops earlier, the rest is then still skipped here.
  static var maximumTags: Int { 64 }

  static func readLeading(_ source: some ByteSource, limits: ProbeLimits, into info: inout MediaInfo)
    throws(ProbeFailure) -> Leading
  {
    var leading = Leading()
    for _ in 0..<maximumTags {
      let bytes = try source.read(at: leading.end, count: 10)
      guard let tag = ID3v2TagHeader(bytes[...], offset: leading.end) else { break }
      leading.found = true
      try ID3v2Reader.read(tag, from: source, limits: limits, into: &info)
      let tagEnd = leading.end + tag.totalLength
      guard tagEnd <= source.size else {
        info.findings.append(ProbeRules.truncated.finding(
          "the ID3v2 tag at byte \(leading.end) claims \(tag.totalLength) bytes but only "
            + "\(source.size - leading.end) remain in the file: the upload was cut short or the tag header is "
            + "corrupt, and no audio follows it; upload the complete file again", at: SourceLocation(file: info.path)))
        leading.end = source.size
        leading.overran = true
        return leading
      }
      leading.end = tagEnd
    }
    return leading
  }
}
