/// `podcast:value`: how listeners' payments are split, for a show or an episode.
/// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/value.md
public struct ValueBlock: Sendable, Hashable, Codable {
  /// The service slug: `lightning`, `hive`, `webmonetization`.
  public var type: String
  /// `keysend`, `lnaddress`, `amp`, …
  public var method: String
  /// The suggested amount per minute, as the producer wrote it (a float the service reads).
  public var suggested: String?
  public var recipients: [ValueRecipient]
  /// Other splits for parts of an episode (a guest's segment, a song).
  public var timeSplits: [ValueTimeSplit]

  public init(type: String, method: String, suggested: String? = nil, recipients: [ValueRecipient],
              timeSplits: [ValueTimeSplit] = []) {
    self.type = type
    self.method = method
    self.suggested = suggested
    self.recipients = recipients
    self.timeSplits = timeSplits
  }
}

/// One payee of a `podcast:value`: its share is `split` over the sum of all splits.
public struct ValueRecipient: Sendable, Hashable, Codable {
  public var name: String?
  /// `node`, `lnaddress`, …
  public var type: String
  public var address: String
  /// Whole shares, above 0.
  public var split: Int
  public var customKey: String?
  public var customValue: String?
  /// A fee is taken off the top before the other splits.
  public var fee: Bool

  public init(name: String?, type: String, address: String, split: Int, customKey: String? = nil,
              customValue: String? = nil, fee: Bool = false) {
    self.name = name
    self.type = type
    self.address = address
    self.split = split
    self.customKey = customKey
    self.customValue = customValue
    self.fee = fee
  }
}

/// `podcast:valueTimeSplit`: other recipients, or a remote item's, from `start` for `duration`
/// seconds. https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/value-time-split.md
public struct ValueTimeSplit: Sendable, Hashable, Codable {
  public var start: Double
  public var duration: Double
  public var remoteStart: Double?
  /// 0–100, for a remote item.
  public var remotePercentage: Int?
  public var recipients: [ValueRecipient]
  public var remoteItem: RemoteItem?

  public init(start: Double, duration: Double, remoteStart: Double? = nil, remotePercentage: Int? = nil,
              recipients: [ValueRecipient] = [], remoteItem: RemoteItem? = nil) {
    self.start = start
    self.duration = duration
    self.remoteStart = remoteStart
    self.remotePercentage = remotePercentage
    self.recipients = recipients
    self.remoteItem = remoteItem
  }
}
