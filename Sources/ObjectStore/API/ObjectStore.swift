/// A place where a publication goes: an S3-compatible bucket (`S3Store`) or a folder on this
/// machine (`DirectoryStore`). Keys are relative to the store's own prefix and use `/`.
///
/// Stores never delete a published object: the publication record forbids changing a published
/// file, and a store only adds or replaces what Podium itself uploaded. The calls block; callers
/// run several at once on their own threads.
public protocol ObjectStore: Sendable {
  /// Where this store puts objects, for messages: `s3://bucket/prefix` or a folder path.
  var location: String { get }

  /// Every object under the store's prefix, from one listing (paged inside the call).
  func list() throws(ObjectStoreError) -> [String: StoredObject]

  /// One object's size and digest, or nil when there is no such object.
  func head(_ key: String) throws(ObjectStoreError) -> StoredObject?

  /// Uploads one file; the object appears whole or not at all.
  ///
  /// - Parameters:
  ///   - upload: the file, its key, digest and headers.
  ///   - progress: called with the number of bytes of this upload sent so far.
  func put(_ upload: ObjectUpload, progress: @Sendable (Int64) -> Void) throws(ObjectStoreError)

  /// Lets any website read the objects (GET and HEAD from any origin), so the video index's web
  /// component works when embedded elsewhere.
  func allowCrossOriginReads() throws(ObjectStoreError) -> CrossOriginOutcome

  /// Called once after every upload of a publish succeeded: a store may record what it now holds,
  /// so that the next `list()` costs one listing (`S3Store` writes its digest index here).
  func finish() throws(ObjectStoreError)
}

extension ObjectStore {
  /// Nothing to record: the default, for stores whose `list()` already knows every digest.
  public func finish() throws(ObjectStoreError) {}
}
