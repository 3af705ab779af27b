import Catalogue
import Diagnostics

/// What a listing shows of an episode file's reading (`podium list`: file, slug, title, date,
/// GUID, draft, and the file's findings), kept beside the whole reading in the per-episode layer
/// of the build cache (``EpisodeCacheFile``) in a form of its own: read back with a few string
/// copies, where decoding the whole ``Episode`` through `Codable` took about 18 µs an episode
/// (docs/performance.md).
///
/// The form: each string its UTF-8 length (four bytes, little-endian) and bytes; the date's
/// seconds and offset (eight bytes each); the draft flag (one byte); then the findings in
/// ``CacheEncoder``'s form, after their length (zero for none, the common case).
enum EpisodeFacts {
  /// The facts of a reading; `nil` for one without an episode (a file that failed to load, which
  /// a listing takes whole).
  static func encode(_ reading: EpisodeReading) -> [UInt8]? {
    guard let episode = reading.episode else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64 + episode.file.utf8.count + episode.title.utf8.count + episode.guid.utf8.count)
    for string in [episode.file, episode.slug, episode.title, episode.guid] { append(string, to: &bytes) }
    withUnsafeBytes(of: episode.date.seconds.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: Int64(episode.date.offset).littleEndian) { bytes += $0 }
    bytes.append(episode.draft ? 1 : 0)
    guard let findings = reading.findings.isEmpty ? [] : try? CacheEncoder.encode(reading.findings),
      findings.count < Int(UInt32.max)
    else { return nil }
    withUnsafeBytes(of: UInt32(findings.count).littleEndian) { bytes += $0 }
    bytes += findings
    return bytes
  }

  private static func append(_ string: String, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: UInt32(truncatingIfNeeded: string.utf8.count).littleEndian) { bytes += $0 }
    bytes += string.utf8
  }

  /// The reading a listing needs: an episode that holds only its facts (every other field
  /// empty), and the file's findings; `nil` when the bytes are not such facts.
  static func reading(_ bytes: ArraySlice<UInt8>) -> EpisodeReading? {
    bytes.withUnsafeBytes { buffer -> EpisodeReading? in
      var offset = 0
      func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard offset + MemoryLayout<T>.size <= buffer.count else { return nil }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
      }
      func string() -> String? {
        guard let count = integer(UInt32.self).map(Int.init), count <= buffer.count - offset else { return nil }
        defer { offset += count }
        return String(validating: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
      }
      guard let file = string(), let slug = string(), let title = string(), let guid = string(),
        let seconds = integer(Int64.self), let zone = integer(Int64.self), let draft = integer(UInt8.self), draft <= 1,
        let length = integer(UInt32.self).map(Int.init), length == buffer.count - offset,
        let timeOffset = Int(exactly: zone)
      else { return nil }
      var findings: [Finding] = []
      if length > 0 {
        guard let decoded = try? CacheDecoder.decode([Finding].self, from: UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        else { return nil }
        findings = decoded
      }
      var episode = Episode(
        file: file, slug: slug, title: title, date: Timestamp(seconds: seconds, offset: timeOffset), guid: guid, media: nil)
      episode.draft = draft == 1
      return EpisodeReading(episode: episode, findings: findings, reusable: true)
    }
  }
}
