/// One page of ListObjectsV2.
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
struct ListObjectsPage {
  struct Entry {
    var key: String
    var size: Int64
    var etag: String?
  }

  var entries: [Entry]
  /// The token for the next page; nil on the last.
  var continuationToken: String?

  /// nil when the body is not a listing.
  init?(_ body: [UInt8]) {
    guard let root = S3XML.parse(body), root.name == "ListBucketResult" else { return nil }
    entries = root.all("Contents").compactMap { contents in
      guard let key = contents.child("Key")?.text, let size = contents.child("Size").flatMap({ Int64($0.trimmed) })
      else { return nil }
      return Entry(key: key, size: size, etag: contents.child("ETag").map { ETag.unquoted($0.trimmed) })
    }
    let truncated = root.child("IsTruncated")?.trimmed == "true"
    let token = root.child("NextContinuationToken")?.trimmed
    continuationToken = truncated ? token.flatMap { $0.isEmpty ? nil : $0 } : nil
  }
}

enum ETag {
  /// An entity tag without its quotes (and without a weak `W/` mark).
  static func unquoted(_ tag: String) -> String {
    var tag = Substring(tag)
    if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
    if tag.hasPrefix("\""), tag.hasSuffix("\""), tag.count >= 2 { tag = tag.dropFirst().dropLast() }
    return String(tag)
  }
}
