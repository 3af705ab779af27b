import Diagnostics

/// Reads a caption file whole, up to `ProbeLimits.maximumChunk`, since every cue must be checked.
enum CaptionText {
  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The file's bytes, cut back to the last whole line when it is longer than the limit.
  ///
  /// - Parameters:
  ///   - source: The file.
  ///   - limits: `maximumChunk` bounds the read.
  ///   - matches: The format's detection, to find text that ID3 tags were put in front of.
  ///   - info: Gets a finding when the file is longer than the limit.
  /// - Returns: The bytes and where the text starts, after any ID3 tags and byte order mark.
  /// - Throws: `ProbeFailure` when reading fails or the read budget is spent.
  static func read(
    _ source: some ByteSource, limits: ProbeLimits, matches: ([UInt8]) -> Bool, into info: inout MediaInfo
  ) throws(ProbeFailure) -> (bytes: [UInt8], start: Int) {
    var bytes = try source.read(at: 0, count: Int(min(source.size, Int64(limits.maximumChunk))))
    if source.size > Int64(bytes.count) {
      info.findings.append(
        ProbeRules.limitReached.finding(
          "checked only the first \(bytes.count) of \(source.size) bytes; caption files are far smaller, so check "
            + "that this is the right file", at: SourceLocation(file: info.path)))
      if let lastBreak = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
        bytes.removeSubrange((lastBreak + 1)...)
      }
    }
    var start = 0
    if !matches(Array(bytes.prefix(ID3v2Skip.headLength))) {
      let content = try ID3v2Skip.contentStart(of: source)
      start = content < Int64(bytes.count) ? Int(content) : 0
    }
    if bytes[start...].starts(with: byteOrderMark) { start += 3 }
    return (bytes, start)
  }
}
