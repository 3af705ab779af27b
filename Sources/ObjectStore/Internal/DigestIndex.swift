import Foundation

/// Podium's record of the SHA-256 of each object it put in the bucket, kept as one object beside
/// them. ListObjectsV2 gives sizes and ETags but no metadata, so without it a publish would have
/// to HEAD every object to learn its digest; with it, a publish that changes nothing lists the
/// bucket and reads this one object. An entry counts only while the listing still shows the same
/// size and ETag, so an index that is stale, lost or tampered with costs HEADs, never a wrong skip.
struct DigestIndex: Codable, Sendable, Equatable {
  struct Entry: Codable, Sendable, Equatable {
    var size: Int64
    var etag: String
    /// Nil for an object without `x-amz-meta-sha256` (one Podium did not upload).
    var sha256: String?
  }

  static let format = "podium-s3-digests/1"
  /// The key under the store's prefix. Podium's own files never start with a dot folder here.
  static let key = ".podium/s3-digests.json"
  /// A larger index is ignored: 64 MiB holds several hundred thousand entries.
  static let maximumSize = 64 * 1024 * 1024

  var format = DigestIndex.format
  /// By key, relative to the store's prefix.
  var objects: [String: Entry] = [:]

  init(objects: [String: Entry] = [:]) { self.objects = objects }

  /// The index in `bytes`, or an empty one when they are not an index of this format.
  init(decoding bytes: [UInt8]) {
    guard let index = try? JSONDecoder().decode(DigestIndex.self, from: Data(bytes)), index.format == Self.format else {
      return
    }
    self = index
  }

  func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return Array((try? encoder.encode(self)) ?? Data())
  }
}
