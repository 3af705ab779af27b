/// `podcast:socialInteract`: the post under which the show or episode is discussed, or
/// `disabled` to ask apps not to show comments.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/social-interact.md
public struct SocialInteract: Sendable, Hashable, Codable {
  /// From the namespace's socialprotocols.txt: `activitypub`, `atproto`, `disabled`, …
  public var socialProtocol: String
  /// The root post; nil only when disabled.
  public var uri: String?
  public var accountID: String?
  public var accountURL: String?
  /// Lower comes first, when there are several.
  public var priority: Int?

  public init(socialProtocol: String, uri: String?, accountID: String? = nil, accountURL: String? = nil,
              priority: Int? = nil) {
    self.socialProtocol = socialProtocol
    self.uri = uri
    self.accountID = accountID
    self.accountURL = accountURL
    self.priority = priority
  }
}
