import Foundation

/// A video hosted on YouTube or Vimeo. The video index shows it behind a click-to-load facade:
/// nothing from the provider loads until the visitor asks for it, and then only through the
/// provider's privacy-enhanced player.
public struct ExternalVideo: Sendable, Hashable, Codable {
  public enum Provider: String, Sendable, Hashable, Codable {
    case youtube = "YouTube"
    case vimeo = "Vimeo"
  }

  public var provider: Provider
  /// The provider's video id: 11 characters for YouTube, digits for Vimeo.
  public var id: String
  /// Vimeo's privacy hash for an unlisted video (`vimeo.com/123/abcdef`).
  public var hash: String?
  /// Whole seconds, declared in the front matter: Podium can't probe a video it doesn't have.
  public var duration: Int

  public init(provider: Provider, id: String, hash: String? = nil, duration: Int) {
    self.provider = provider
    self.id = id
    self.hash = hash
    self.duration = duration
  }

  /// The provider's own page for the video.
  public var watchURL: String {
    switch provider {
    case .youtube: "https://www.youtube.com/watch?v=\(id)"
    case .vimeo: "https://vimeo.com/\(id)" + (hash.map { "/\($0)" } ?? "")
    }
  }

  /// The provider's privacy-enhanced player: youtube-nocookie, or Vimeo with Do Not Track. For
  /// search engines (a sitemap's `player_loc`, JSON-LD's `embedUrl`).
  public var playerURL: String {
    switch provider {
    case .youtube: "https://www.youtube-nocookie.com/embed/\(id)"
    case .vimeo: "https://player.vimeo.com/video/\(id)?" + (hash.map { "h=\($0)&" } ?? "") + "dnt=1"
    }
  }

  /// The player for the index's facade. It starts playing at once, because it only loads when
  /// the visitor has clicked play.
  public var embedURL: String { playerURL + (provider == .youtube ? "?" : "&") + "autoplay=1" }

  /// Recognises the URLs people copy from YouTube and Vimeo: watch pages, short links, shorts,
  /// embed players. Anything else is `nil`.
  public static func parse(_ text: String, duration: Int) -> ExternalVideo? {
    guard let components = URLComponents(string: text), components.scheme == "https",
      let host = components.host?.lowercased()
    else { return nil }
    let parts = components.path.split(separator: "/").map(String.init)
    switch host {
    case "www.youtube.com", "youtube.com", "m.youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com":
      let id: String?
      if parts == ["watch"] {
        id = components.queryItems?.first { $0.name == "v" }?.value
      } else if parts.count == 2, ["embed", "shorts", "live", "v"].contains(parts[0]) {
        id = parts[1]
      } else {
        id = nil
      }
      return id.flatMap { isYouTubeID($0) ? ExternalVideo(provider: .youtube, id: $0, duration: duration) : nil }
    case "youtu.be":
      guard parts.count == 1, isYouTubeID(parts[0]) else { return nil }
      return ExternalVideo(provider: .youtube, id: parts[0], duration: duration)
    case "vimeo.com", "www.vimeo.com", "player.vimeo.com":
      let rest = host == "player.vimeo.com" ? (parts.first == "video" ? Array(parts.dropFirst()) : []) : parts
      guard let id = rest.first, !id.isEmpty, id.count <= 12, id.allSatisfy(\.isASCIIDigit) else { return nil }
      // An unlisted video plays only with its hash; one we can't use is refused, not dropped.
      let hash = rest.count == 2 ? rest[1] : components.queryItems?.first { $0.name == "h" }?.value
      if let hash, hash.isEmpty || hash.count > 32 || !hash.allSatisfy(\.isASCIIAlphanumeric) { return nil }
      guard rest.count <= 2 else { return nil }
      return ExternalVideo(provider: .vimeo, id: id, hash: hash, duration: duration)
    default:
      return nil
    }
  }

  /// Eleven characters of `A–Z a–z 0–9 - _`; `videoseries` (a playlist player) is not a video.
  private static func isYouTubeID(_ text: String) -> Bool {
    text.utf8.count == 11 && text != "videoseries"
      && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
  fileprivate var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
}
