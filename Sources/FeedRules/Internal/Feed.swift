import PodiumXML

/// What the rules know of a feed before its items: the root and the channel, found once so each
/// rule family reads them without walking again. Items come one at a time as `FeedItem`s.
struct Feed: Sendable {
  /// The root element, without its children.
  let root: XMLElement
  /// The first `<channel>` under the root, if the root is `<rss>`, with every child but its `<item>`s.
  let channel: FeedNode?
  /// Every `podcast:` element in the channel, its live items, and nested in other `podcast:`
  /// elements, in document order; the items' own are in each `FeedItem`.
  let podcastElements: [XMLElement]
  /// Whether the channel has at least one `<item>`.
  let hasItems: Bool
  /// The first channel child, other than an item or live item, that comes after one.
  let firstAfterItems: XMLElement?

  /// - Parameters:
  ///   - channel: the channel with all its children except `<item>`s, or `nil` when there is none.
  init(root: XMLElement, channel: XMLElement?, hasItems: Bool, firstAfterItems: XMLElement?) {
    self.root = root
    var namespaces = NamespaceCache()
    var podcast: [XMLElement] = []
    self.channel = channel.map { FeedNode($0, namespaces: &namespaces, podcastChildren: &podcast) }
    podcastElements = Self.withNested(podcast, namespaces: &namespaces)
    self.hasItems = hasItems
    self.firstAfterItems = firstAfterItems
  }

  /// The `podcast:` elements given, then, queued after them, the `podcast:` children of each
  /// (and of the items inside a live item).
  static func withNested(_ direct: [XMLElement], namespaces: inout NamespaceCache) -> [XMLElement] {
    var podcast = direct
    var index = 0
    while index < podcast.count {
      addNested(podcast[index], namespaces: &namespaces, to: &podcast)
      index += 1
    }
    return podcast
  }

  /// Queues the `podcast:` children of a `podcast:` element, and of the items inside a live item.
  private static func addNested(_ element: XMLElement, namespaces: inout NamespaceCache, to list: inout [XMLElement]) {
    for child in element.children {
      let namespace = namespaces.namespace(of: child)
      if namespace == .podcast {
        list.append(child)
      } else if namespace == .none, child.name == "item" {
        addNested(child, namespaces: &namespaces, to: &list)
      }
    }
  }

  /// `itunes:type` is `serial`: episodes are listed oldest first and each needs a number.
  var isSerial: Bool { channel?.text("itunes:type") == "serial" }
}

/// One `<item>` of the channel, with its `podcast:` elements found once.
struct FeedItem: Sendable {
  let node: FeedNode
  /// The item's `podcast:` elements and those nested in them, in the order `Feed` lists the channel's.
  let podcastElements: [XMLElement]

  init(_ element: XMLElement, namespaces: inout NamespaceCache) {
    var podcast: [XMLElement] = []
    node = FeedNode(element, namespaces: &namespaces, podcastChildren: &podcast)
    podcastElements = Feed.withNested(podcast, namespaces: &namespaces)
  }
}

/// What is known of the document once it has been read to the end.
struct FeedDocument: Sendable {
  let prologue: XMLPrologue
  /// The root element, without its children.
  let root: XMLElement
  /// How many `<channel>` elements the root has, and the second one, if any.
  let channelCount: Int
  let secondChannel: XMLElement?
}
