import PodiumXML

/// The parts of a feed the rules look at, found in one pass so each rule family reads them
/// without walking the tree again.
struct Feed: Sendable {
  let document: XMLDocument
  /// The first `<channel>` under the root, if the root is `<rss>`.
  let channel: FeedNode?
  let items: [FeedNode]
  /// Every `podcast:` element in the channel, its items and live items, and nested in other
  /// `podcast:` elements, in document order.
  let podcastElements: [XMLElement]

  init(_ document: XMLDocument) {
    self.document = document
    let root = document.root
    var namespaces = NamespaceCache()
    var podcast: [XMLElement] = []
    let channel = root.name == "rss" && root.namespaceURI == nil ? root.firstChild(named: "channel") : nil
    self.channel = channel.map { FeedNode($0, namespaces: &namespaces, podcastChildren: &podcast) }
    var items: [FeedNode] = []
    var index = 0
    while index < podcast.count {
      Self.addNested(podcast[index], namespaces: &namespaces, to: &podcast)
      index += 1
    }
    for item in self.channel?.all("item") ?? [] {
      items.append(FeedNode(item, namespaces: &namespaces, podcastChildren: &podcast))
      while index < podcast.count {
        Self.addNested(podcast[index], namespaces: &namespaces, to: &podcast)
        index += 1
      }
    }
    self.items = items
    podcastElements = podcast
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

  var root: XMLElement { document.root }

  /// The channel, then each item, without copying the items into a new array.
  var channelAndItems: FlattenSequence<[[FeedNode]]> { [channel.map { [$0] } ?? [], items].joined() }

  /// `itunes:type` is `serial`: episodes are listed oldest first and each needs a number.
  var isSerial: Bool { channel?.text("itunes:type") == "serial" }
}
