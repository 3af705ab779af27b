/// The namespaces the rules know. Near-miss URIs (wrong case, a missing or extra slash) count as
/// the namespace they were meant to be, so a mistyped declaration gives one namespace finding
/// instead of "missing" findings everywhere.
public enum FeedNamespace: UInt8, Sendable {
  case none, itunes, content, podcast, atom, media, dublinCore, googlePlay, other

  static let itunesURI = "http://www.itunes.com/dtds/podcast-1.0.dtd"
  static let contentURI = "http://purl.org/rss/1.0/modules/content/"
  static let podcastURI = "https://podcastindex.org/namespace/1.0"
  static let podcastAlternateURI = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
  static let atomURI = "http://www.w3.org/2005/Atom"
  static let mediaURI = "http://search.yahoo.com/mrss/"
  static let dublinCoreURI = "http://purl.org/dc/elements/1.1/"
  static let googlePlayURI = "http://www.google.com/schemas/play-podcasts/1.0"

  /// The namespace a URI names; `.none` for no namespace.
  public init(uri: String?) {
    guard let uri else {
      self = .none
      return
    }
    if let known = Self.byURI[uri] {
      self = known
      return
    }
    let loose = Self.normalized(uri)
    self = Self.byURI.first { Self.normalized($0.key) == loose }?.value ?? .other
  }

  /// The prefix feeds conventionally use, which the rules use in keys and messages.
  public var prefix: String {
    switch self {
    case .none, .other: ""
    case .itunes: "itunes"
    case .content: "content"
    case .podcast: "podcast"
    case .atom: "atom"
    case .media: "media"
    case .dublinCore: "dc"
    case .googlePlay: "googleplay"
    }
  }

  /// The namespace a conventional prefix names (`itunes`, `podcast`, …).
  init?(prefix: Substring) {
    var prefix = prefix
    guard let namespace = prefix.withUTF8({ FeedNamespace(prefix: $0) }) else { return nil }
    self = namespace
  }

  /// The same, from the bytes of a key being built. The prefixes differ in their first byte:
  /// one candidate, one comparison, nothing retained.
  init?(prefix bytes: UnsafeBufferPointer<UInt8>) {
    let candidate: (prefix: StaticString, namespace: FeedNamespace)
    switch bytes.first {
    case UInt8(ascii: "i"): candidate = ("itunes", .itunes)
    case UInt8(ascii: "p"): candidate = ("podcast", .podcast)
    case UInt8(ascii: "c"): candidate = ("content", .content)
    case UInt8(ascii: "a"): candidate = ("atom", .atom)
    case UInt8(ascii: "m"): candidate = ("media", .media)
    case UInt8(ascii: "d"): candidate = ("dc", .dublinCore)
    case UInt8(ascii: "g"): candidate = ("googleplay", .googlePlay)
    default: return nil
    }
    let known = UnsafeBufferPointer(start: candidate.prefix.utf8Start, count: candidate.prefix.utf8CodeUnitCount)
    guard known.elementsEqual(bytes) else { return nil }
    self = candidate.namespace
  }

  private static let byURI: [String: FeedNamespace] = [
    itunesURI: .itunes, contentURI: .content, podcastURI: .podcast, podcastAlternateURI: .podcast, atomURI: .atom,
    mediaURI: .media, dublinCoreURI: .dublinCore, googlePlayURI: .googlePlay,
  ]


  /// Lower-cased, without scheme or trailing slash: what tells a near miss from a stranger.
  private static func normalized(_ uri: String) -> Substring {
    var text = Substring(uri.lowercased())
    for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
    while text.hasSuffix("/") { text = text.dropLast() }
    return text
  }
}
