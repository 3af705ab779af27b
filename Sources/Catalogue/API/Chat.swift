/// `podcast:chat`: where the show's always-on chat is.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/chat.md
public struct Chat: Sendable, Hashable, Codable {
  /// The server's domain name.
  public var server: String
  /// `irc`, `xmpp`, `nostr` or `matrix`.
  public var chatProtocol: String
  public var accountID: String?
  /// The room or channel.
  public var space: String?

  public init(server: String, chatProtocol: String, accountID: String? = nil, space: String? = nil) {
    self.server = server
    self.chatProtocol = chatProtocol
    self.accountID = accountID
    self.space = space
  }
}
