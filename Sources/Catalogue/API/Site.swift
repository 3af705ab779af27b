/// Site-wide settings from `podium.yaml`.
public struct Site: Sendable, Hashable, Codable {
  /// Where `feeds/` is served, ending in `/`.
  public var baseURL: String
  /// Where local media files are served, ending in `/`.
  public var mediaBaseURL: String
  public var language: String
  public var publisher: String
  public var owner: Owner?
  public var copyright: String?
  public var website: String?
  public var title: String?
  /// Rules switched off or given another severity, by rule id.
  public var rules: [String: RuleSetting] = [:]
  /// Enclosure URLs in the feeds go through this analytics service's prefix (`analytics_prefix:`).
  public var analyticsPrefix: AnalyticsPrefix?
  /// `publish:`: where `podium publish` uploads, and whom it tells.
  public var publish = PublishSettings()
  /// Line of each key in podium.yaml, for findings (`"language"` → 3).
  public var lines: [String: Int] = [:]

  /// The file findings about these settings name.
  public static let file = "podium.yaml"

  public init(
    baseURL: String, mediaBaseURL: String, language: String, publisher: String, owner: Owner? = nil,
    copyright: String? = nil, website: String? = nil, title: String? = nil
  ) {
    self.baseURL = baseURL
    self.mediaBaseURL = mediaBaseURL
    self.language = language
    self.publisher = publisher
    self.owner = owner
    self.copyright = copyright
    self.website = website
    self.title = title
  }
}

/// The show's owner, for `itunes:owner` and `podcast:locked`.
public struct Owner: Sendable, Hashable, Codable {
  public var name: String
  public var email: String

  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }
}
