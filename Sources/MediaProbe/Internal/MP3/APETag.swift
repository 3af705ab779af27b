import Diagnostics

/// An APE tag (version 1 or 2), found by its 32-byte "APETAGEX" footer behind the audio: UTF-8
/// key/value items. Read for what the ID3v2 tag leaves out, and kept out of the audio's bytes.
enum APETag {
  static let footerLength: Int64 = 32
  /// Bytes of items read at most: text comes first in practice, pictures and binaries later.
  static var itemLimit: Int { 64 * 1024 }
  private static let keys = ["title": "title", "artist": "artist", "album": "album", "year": "date", "comment": "comment"]

  /// The tag whose footer (`footer`, 32 bytes) ends at `end`: where it starts and its text fields;
  /// nil, with a finding, when the footer's size can't be right.
  static func read(
    _ footer: ArraySlice<UInt8>, endingAt end: Int64, audioStart: Int64, source: some ByteSource,
    into info: inout MediaInfo
  ) throws(ProbeFailure) -> (start: Int64, fields: [String: String])? {
    var reader = ByteReader(Array(footer))
    guard (try? reader.skip(12)) != nil, let size = try? reader.u32le(), let count = try? reader.u32le(),
      let flags = try? reader.u32le(), flags & 1 << 29 == 0
    else { return nil }
    let total = Int64(size) + (flags & 1 << 31 != 0 ? footerLength : 0)
    guard Int64(size) >= footerLength, total <= end - audioStart else {
      info.findings.append(ProbeRules.malformed.finding(
        "the APE tag footer at byte \(end - footerLength) claims \(size) bytes, more than the file holds before "
          + "it; the tag is corrupt — remove it or rewrite it with a tag editor", at: SourceLocation(file: info.path)))
      return nil
    }
    let itemsStart = end - Int64(size)
    let items = try source.read(at: itemsStart, count: min(Int(size) - Int(footerLength), itemLimit))
    return (end - total, fields(items, count: Int(count)))
  }

  /// Text items: value size, flags, a null-terminated key, the value (nulls separate several).
  private static func fields(_ items: [UInt8], count: Int) -> [String: String] {
    var fields: [String: String] = [:]
    var reader = ByteReader(items)
    for _ in 0..<min(count, items.count / 9) {
      guard let valueSize = try? reader.u32le(), let flags = try? reader.u32le(),
        let keyEnd = items[reader.position...].firstIndex(of: 0)
      else { break }
      let key = String(decoding: items[reader.position..<keyEnd], as: UTF8.self).lowercased()
      guard (try? reader.seek(to: keyEnd + 1)) != nil, let value = try? reader.bytes(Int(valueSize)) else { break }
      guard flags >> 1 & 3 == 0, let name = keys[key], fields[name] == nil else { continue }
      let text = value.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " / ")
      if !text.isEmpty { fields[name] = text }
    }
    return fields
  }
}
