import Foundation

/// One file to upload, with the headers it is served with.
public struct ObjectUpload: Sendable, Hashable {
  /// The key, relative to the store's prefix.
  public var key: String
  /// The file whose bytes are uploaded.
  public var file: URL
  public var size: Int64
  /// SHA-256 of the file's bytes, lower-case hex: stored with the object so that a later publish
  /// can tell an unchanged object without downloading it.
  public var sha256: String
  /// The `Content-Type` the object is served with.
  public var contentType: String
  /// The `Cache-Control` the object is served with.
  public var cacheControl: String

  public init(key: String, file: URL, size: Int64, sha256: String, contentType: String, cacheControl: String) {
    self.key = key
    self.file = file
    self.size = size
    self.sha256 = sha256
    self.contentType = contentType
    self.cacheControl = cacheControl
  }
}
