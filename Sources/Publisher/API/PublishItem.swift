import Foundation

/// One file of a publish: where it comes from, where it goes, and how it is served.
public struct PublishItem: Sendable, Hashable {
  /// What the file is for. The order of the cases is the upload order: a feed never names a file
  /// that is not there yet.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
    case media, artwork, transcript, chapters, poster, page, feed, sitemap, index, opml

    /// Files whose URL always names the same bytes (the publication record keeps media URLs, and
    /// a new picture needs a new name): cached for a year, and never replaced with other bytes.
    public var isImmutable: Bool { self == .media || self == .artwork || self == .poster }

    /// Uploaded after everything else, so what they point at is already there.
    public var isLast: Bool { self == .feed || self == .sitemap || self == .index || self == .opml }

    public static func < (a: Kind, b: Kind) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  public enum Action: String, Sendable, Hashable {
    /// Not in the store, or different there.
    case upload
    /// The store already holds these bytes.
    case skip
  }

  /// The key, relative to the store's prefix.
  public var key: String
  public var kind: Kind
  public var file: URL
  public var size: Int64
  public var sha256: String
  public var contentType: String
  public var cacheControl: String
  /// The URL apps and browsers fetch it from.
  public var publicURL: String
  public var action: Action

  public init(
    key: String, kind: Kind, file: URL, size: Int64, sha256: String, contentType: String, cacheControl: String,
    publicURL: String, action: Action = .upload
  ) {
    self.key = key
    self.kind = kind
    self.file = file
    self.size = size
    self.sha256 = sha256
    self.contentType = contentType
    self.cacheControl = cacheControl
    self.publicURL = publicURL
    self.action = action
  }
}
