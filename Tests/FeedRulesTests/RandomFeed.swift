import PodiumTestSupport

/// Feeds made at random from small pools of values, so that GUIDs and enclosure URLs repeat,
/// dates go out of order, rules reach their cap and tags reported once per feed turn up in
/// several items; and random changes to them (edits, new items, removals, moves, the channel).
enum RandomFeed {
  typealias Element = SpannedFeed.Element

  static func feed(using random: inout SeededRandom) -> SpannedFeed {
    let count = Int.random(in: 5...140, using: &random)
    var channel = SpannedFeed.validChannel
    if Bool.random(using: &random) { channel.append(Element("itunes:keywords", "k")) }
    if Int.random(in: 0..<4, using: &random) == 0 { channel.removeAll { $0.name == "itunes:author" } }
    return SpannedFeed(channel: channel, items: (0..<count).map { _ in item(using: &random) })
  }

  static func item(using random: inout SeededRandom) -> [Element] {
    func pick(_ chance: Int) -> Bool { Int.random(in: 0..<100, using: &random) < chance }
    let number = Int.random(in: 1...60, using: &random)
    var children: [Element] = []
    if !pick(5) { children.append(Element("title", pick(5) ? " Spaced \(number) " : "Episode \(number)")) }
    if !pick(5) {
      children.append(Element("guid", pick(10) ? String(number % 7) : "urn:uuid:\(number)", ["isPermaLink": "false"]))
    }
    if !pick(5) {
      let dates = [SpannedFeed.date(daysBefore: number), "not a date", "Mon, 01 Jan 2001 00:00:00 +0000"]
      children.append(Element("pubDate", pick(90) ? dates[0] : dates[Int.random(in: 1...2, using: &random)]))
    }
    if !pick(10) {
      let url = "https://cdn.example.com/\(Int.random(in: 1...80, using: &random)).\(pick(90) ? "mp3" : "ogg")"
      children.append(Element("enclosure", nil, ["url": url, "length": pick(90) ? "1000" : "0", "type": "audio/mpeg"]))
    }
    if pick(60) { children.append(Element("itunes:duration", pick(90) ? "1925" : "long")) }
    if pick(10) { children.append(Element("itunes:keywords", "k")) }
    if pick(5) { children.append(Element("itunes:summary", "s")) }
    if pick(8) { children.append(Element("podcast:\(pick(50) ? "nonsense" : "other")", "x")) }
    if pick(5) { children.append(Element("\(pick(50) ? "undeclared" : "unknown"):thing", "x")) }
    if pick(5) { children.append(Element("title", "again")) }
    if pick(10) {
      children.append(Element("description", "<p>notes with <script>x</script></p>"))
    }
    if pick(10) {
      children.append(Element("podcast:soundbite", "bite", ["startTime": "10", "duration": pick(50) ? "5" : "0"]))
    }
    return children.shuffled(using: &random)
  }

  static func change(_ feed: inout SpannedFeed, using random: inout SeededRandom) {
    let count = feed.items.count
    switch Int.random(in: 0..<10, using: &random) {
    case 0...3 where count > 0:
      feed.items[Int.random(in: 0..<count, using: &random)] = item(using: &random)
    case 4, 5:
      feed.items.insert(item(using: &random), at: Int.random(in: 0...count, using: &random))
    case 6 where count > 1:
      feed.items.remove(at: Int.random(in: 0..<count, using: &random))
    case 7 where count > 1:
      feed.items.swapAt(Int.random(in: 0..<count, using: &random), Int.random(in: 0..<count, using: &random))
    case 8:
      if let index = feed.channel.firstIndex(where: { $0.name == "itunes:keywords" }) {
        feed.channel.remove(at: index)
      } else {
        feed.channel.append(Element("itunes:keywords", "k"))
      }
    default:
      for _ in 0..<Int.random(in: 1...4, using: &random) where !feed.items.isEmpty {
        feed.items[Int.random(in: 0..<feed.items.count, using: &random)] = item(using: &random)
      }
    }
  }
}

