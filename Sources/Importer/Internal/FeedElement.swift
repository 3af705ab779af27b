import FeedRules
import PodiumXML

/// The namespaces an import reads, with the alias URIs feeds in the wild declare (an old
/// `podcastindex` URI, `DTDs` in capitals, a missing slash) counted as the one they mean.
enum FeedVocabulary: Equatable {
  case rss, itunes, podcast, content, atom, media, psc, googlePlay, dublinCore, other(String)

  /// https://podlove.org/simple-chapters/
  static let pscURI = "http://podlove.org/simple-chapters"

  init(_ element: XMLElement) {
    guard let uri = element.namespaceURI else {
      self = .rss
      return
    }
    // Podlove's own URI first: FeedNamespace knows it only as a stranger, after comparing it
    // loosely with every namespace it knows, for each chapter of each item.
    if uri == Self.pscURI {
      self = .psc
      return
    }
    switch FeedNamespace(uri: uri) {
    case .itunes: self = .itunes
    case .podcast: self = .podcast
    case .content: self = .content
    case .atom: self = .atom
    case .media: self = .media
    case .googlePlay: self = .googlePlay
    case .dublinCore: self = .dublinCore
    case .none: self = .rss
    case .other:
      let loose = uri.lowercased()
      if loose.contains("podlove.org/simple-chapters") {
        self = .psc
      } else if loose.contains("podcastindex.org/namespace") || loose.contains("podcastindex-org/podcast-namespace") {
        self = .podcast
      } else {
        self = .other(uri)
      }
    }
  }
}

extension XMLElement {
  var vocabulary: FeedVocabulary { FeedVocabulary(self) }

  /// `itunes:duration`, as feeds conventionally spell the name, for reports.
  var displayName: String {
    switch vocabulary {
    case .rss: name
    case .itunes: "itunes:" + name
    case .podcast: "podcast:" + name
    case .content: "content:" + name
    case .atom: "atom:" + name
    case .media: "media:" + name
    case .psc: "psc:" + name
    case .googlePlay: "googleplay:" + name
    case .dublinCore: "dc:" + name
    case .other(let uri): (prefix.map { $0 + ":" } ?? "") + name + " (" + uri + ")"
    }
  }

  /// The first child of this vocabulary and name.
  func child(_ vocabulary: FeedVocabulary, _ name: String) -> XMLElement? {
    children.first { $0.name == name && $0.vocabulary == vocabulary }
  }

  func all(_ vocabulary: FeedVocabulary, _ name: String) -> [XMLElement] {
    children.filter { $0.name == name && $0.vocabulary == vocabulary }
  }

  /// The text, trimmed; nil when empty.
  var value: String? {
    let text = text.trimmingWhitespace
    return text.isEmpty ? nil : text
  }

  /// An attribute without namespace, trimmed; nil when empty.
  func attr(_ name: String) -> String? {
    guard let text = attribute(name)?.trimmingWhitespace, !text.isEmpty else { return nil }
    return text
  }
}
