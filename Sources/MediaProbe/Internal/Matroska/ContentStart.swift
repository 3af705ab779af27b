import Diagnostics

/// Where a format's own bytes begin. The dispatcher looks past ID3v2 tags, so a FLAC, Ogg, WAV or
/// WebM file may sit behind one: players differ in whether they accept that, so it is reported.
enum ContentStart {
  /// 0 when `magic` starts the file, else the end of the ID3v2 tags before it.
  static func find(
    _ window: inout ReadAheadWindow<some ByteSource>, magic: [UInt8], format: String, into info: inout MediaInfo
  ) throws(ProbeFailure) -> Int64 {
    if try window.bytes(at: 0, count: magic.count).elementsEqual(magic) { return 0 }
    let start = try ID3v2Skip.contentStart(of: window.source)
    info.findings.append(ProbeRules.garbage.finding(
      "the \(format) data starts at byte \(start), after an ID3v2 tag that \(format) doesn't use; some players refuse the file, remove the tag",
      at: SourceLocation(file: info.path)))
    return start
  }
}
