/// What a store says about one object it holds.
public struct StoredObject: Sendable, Hashable {
  /// The key, relative to the store's prefix.
  public var key: String
  public var size: Int64
  /// The SHA-256 of the bytes, lower-case hex, when the store knows it: Podium keeps it as
  /// `x-amz-meta-sha256` on every object it uploads. Nil for an object Podium did not upload.
  public var sha256: String?
  /// The server's entity tag, quotes removed.
  public var etag: String?

  public init(key: String, size: Int64, sha256: String? = nil, etag: String? = nil) {
    self.key = key
    self.size = size
    self.sha256 = sha256
    self.etag = etag
  }
}
