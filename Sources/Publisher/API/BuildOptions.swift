import Catalogue

/// How a build runs. Every input is explicit, so a build can be reproduced exactly.
public struct BuildOptions: Sendable {
  /// The moment that decides which episodes are published and which are scheduled.
  public var now: Timestamp
  /// Let an already published episode get a new GUID (apps will see it as a new episode).
  public var allowGUIDChange: Bool
  /// Let an already published episode point at a new media URL.
  public var allowEnclosureChange: Bool
  /// Let an already published episode leave the feed.
  public var allowRemoval: Bool
  /// Let a published show's feed move to a new URL (the old one must redirect to it).
  public var allowFeedMove = false
  /// Treat warnings like errors: nothing is written while there is one.
  public var strict = false
  /// Addresses for a local preview (`podium serve`) instead of the catalogue's public ones. Such a
  /// build goes into a folder of its own each time, so it does not say it is a first build.
  public var preview: PreviewAddresses?

  public init(now: Timestamp, allowGUIDChange: Bool = false, allowEnclosureChange: Bool = false,
              allowRemoval: Bool = false) {
    self.now = now
    self.allowGUIDChange = allowGUIDChange
    self.allowEnclosureChange = allowEnclosureChange
    self.allowRemoval = allowRemoval
  }
}
