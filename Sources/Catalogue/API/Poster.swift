/// A video's poster image: a still in the video's aspect ratio, unlike square show artwork.
public struct Poster: Sendable, Hashable, Codable {
  public var reference: MediaReference
  /// Pixels, read from local files.
  public var width: Int?
  public var height: Int?
  /// MIME type, read from local files.
  public var type: String?

  public init(reference: MediaReference, width: Int? = nil, height: Int? = nil, type: String? = nil) {
    self.reference = reference
    self.width = width
    self.height = height
    self.type = type
  }

  /// `16/9` for 1280×720: the ratio in lowest terms, as CSS and Podcasting 2.0 write it.
  public var aspectRatio: String? {
    guard let width, let height, width > 0, height > 0 else { return nil }
    var (a, b) = (width, height)
    while b != 0 { (a, b) = (b, a % b) }
    return "\(width / a)/\(height / a)"
  }
}
