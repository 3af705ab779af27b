extension S3Store {
  /// The HTTP requests a store has sent, tries again included, by what they were for: what a
  /// publish cost the bucket. A publish that changes nothing should cost one listing (a page per
  /// thousand objects), one look for unfinished uploads and one read of the digest index.
  public struct Requests: Sendable, Hashable, CustomStringConvertible {
    /// ListObjectsV2 pages.
    public var listings = 0
    /// ListMultipartUploads pages: the look for uploads an interrupted publish left.
    public var unfinishedUploadListings = 0
    /// HEADs of single objects.
    public var heads = 0
    /// PUTs of whole objects, and each request of a multipart upload (begin, parts, complete).
    public var uploads = 0
    /// Reads of Podium's digest index.
    public var indexReads = 0
    /// Writes of Podium's digest index.
    public var indexWrites = 0
    /// Aborted unfinished uploads, and the cross-origin rule.
    public var other = 0

    public init(
      listings: Int = 0, unfinishedUploadListings: Int = 0, heads: Int = 0, uploads: Int = 0, indexReads: Int = 0,
      indexWrites: Int = 0, other: Int = 0
    ) {
      self.listings = listings
      self.unfinishedUploadListings = unfinishedUploadListings
      self.heads = heads
      self.uploads = uploads
      self.indexReads = indexReads
      self.indexWrites = indexWrites
      self.other = other
    }

    public var total: Int { listings + unfinishedUploadListings + heads + uploads + indexReads + indexWrites + other }

    public var description: String {
      "\(total) requests: \(listings) listing, \(unfinishedUploadListings) unfinished-upload listing, \(heads) HEAD, "
        + "\(uploads) upload, \(indexReads) index read, \(indexWrites) index write, \(other) other"
    }

    mutating func count(_ action: S3Action) {
      switch action {
      case .list: listings += 1
      case .listUploads: unfinishedUploadListings += 1
      case .head: heads += 1
      case .upload, .part: uploads += 1
      case .readIndex: indexReads += 1
      case .writeIndex: indexWrites += 1
      case .cleanUp, .crossOrigin: other += 1
      }
    }
  }
}
