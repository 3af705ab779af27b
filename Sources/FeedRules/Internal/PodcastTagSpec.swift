/// What each `podcast:` tag of namespace 1.0 takes, from its document under
/// https://github.com/Podcastindex-org/podcast-namespace/tree/main/docs/tags: the attributes that
/// are required ("all attributes are required unless explicitly specified as optional"), the
/// optional ones, and the limit on its text.
struct PodcastTagSpec: Sendable {
  /// In alphabetical order, so findings come out in a stable order.
  let required: [String]
  let optional: Set<String>
  /// The longest text the tag's value may have, when the spec caps it.
  let textLimit: Int?
  /// The known attributes and their kinds; an attribute missing here is unknown to the spec.
  let attributeKinds: [String: AttributeKind]

  init(required: [String] = [], optional: Set<String> = [], textLimit: Int? = nil) {
    self.required = required.sorted()
    self.optional = optional
    self.textLimit = textLimit
    var kinds: [String: AttributeKind] = [:]
    for name in required + optional {
      var kind: AttributeKind = []
      if Self.urlAttributes.contains(name) { kind.insert(.url) }
      if Self.limitedAttributes.contains(name) { kind.insert(.limited) }
      kinds[name] = kind
    }
    attributeKinds = kinds
  }

  /// Attributes that hold URLs, which must be https.
  static let urlAttributes: Set = ["url", "href", "img", "uri", "feedUrl", "accountUrl"]
  /// Attributes holding free text capped at 128 characters.
  static let limitedAttributes: Set = ["purpose", "name"]

  /// What the rules need to know about one attribute of this tag, in one lookup.
  struct AttributeKind: OptionSet, Sendable {
    let rawValue: UInt8
    static let url = AttributeKind(rawValue: 1)
    static let limited = AttributeKind(rawValue: 2)
  }

  static let all: [String: PodcastTagSpec] = [
    "guid": .init(),
    "locked": .init(optional: ["owner"]),
    "block": .init(optional: ["id"]),
    "medium": .init(),
    "txt": .init(optional: ["purpose"], textLimit: 4000),
    "updateFrequency": .init(optional: ["rrule", "dtstart", "complete"], textLimit: 128),
    "podping": .init(optional: ["usesPodping"]),
    "publisher": .init(),
    "podroll": .init(),
    "remoteItem": .init(required: ["feedGuid"], optional: ["feedUrl", "itemGuid", "medium", "title"]),
    "trailer": .init(required: ["url", "pubdate"], optional: ["length", "type", "season"], textLimit: 128),
    "person": .init(optional: ["role", "group", "img", "href"], textLimit: 128),
    "location": .init(optional: ["rel", "geo", "osm", "country"], textLimit: 128),
    "license": .init(optional: ["url"], textLimit: 128),
    "funding": .init(required: ["url"], textLimit: 128),
    "value": .init(required: ["type", "method"], optional: ["suggested"]),
    "valueRecipient": .init(
      required: ["type", "address", "split"], optional: ["name", "customKey", "customValue", "fee"]),
    "valueTimeSplit": .init(
      required: ["startTime", "duration"], optional: ["remoteStartTime", "remotePercentage"]),
    "socialInteract": .init(required: ["protocol"], optional: ["uri", "accountId", "accountUrl", "priority"]),
    "chat": .init(required: ["server", "protocol"], optional: ["accountId", "space"]),
    "image": .init(required: ["href"], optional: ["alt", "aspect-ratio", "width", "height", "type", "purpose"]),
    "images": .init(required: ["srcset"]),
    "transcript": .init(required: ["url", "type"], optional: ["language", "rel"]),
    "chapters": .init(required: ["url", "type"]),
    "soundbite": .init(required: ["startTime", "duration"], textLimit: 128),
    "season": .init(optional: ["name"]),
    "episode": .init(optional: ["display"]),
    "alternateEnclosure": .init(
      required: ["type"], optional: ["length", "bitrate", "height", "lang", "title", "rel", "codecs", "default"]),
    "source": .init(required: ["uri"], optional: ["contentType"]),
    "integrity": .init(required: ["type", "value"]),
    "contentLink": .init(required: ["href"]),
    "liveItem": .init(required: ["status", "start"], optional: ["end"]),
  ]
}
