/// Reassembles the first packets of one logical stream (its codec headers) across pages,
/// keeping at most `cap` bytes of each so a comment header with embedded art stays cheap.
struct OggPacketCollector {
  static let cap = 64 * 1024
  /// Packets needed: identification and comments.
  static let wanted = 2

  private(set) var packets: [[UInt8]] = []
  private var current: [UInt8] = []
  private var currentOverflowed = false
  private var skipping = false
  private var finished = false

  var isDone: Bool { finished || packets.count >= Self.wanted }

  /// No more packets are wanted: the stream ended, or its codec is unknown.
  mutating func finish() { finished = true }

  /// Adds a page's body, split by its segment table.
  mutating func append(_ page: OggPage, body: ArraySlice<UInt8>) {
    // A continued packet whose start we never saw is not a header; drop its tail.
    skipping = page.continuesPacket && current.isEmpty && !currentOverflowed
    var position = body.startIndex
    for value in page.lacing {
      guard !isDone else { return }
      let length = Int(value)
      if !skipping { keep(body[position..<position + length]) }
      position += length
      if value < 255 {
        if !skipping { packets.append(current) }
        current = []
        currentOverflowed = false
        skipping = false
      }
    }
  }

  private mutating func keep(_ segment: ArraySlice<UInt8>) {
    let room = Self.cap - current.count
    if segment.count > room { currentOverflowed = true }
    current.append(contentsOf: segment.prefix(max(0, room)))
  }

  /// The packet cut at `cap`, treated as complete: comments are read as far as they go.
  mutating func finishOverflow() {
    if !isDone, currentOverflowed {
      packets.append(current)
      current = []
      currentOverflowed = false
    }
  }

  var isOverflowing: Bool { currentOverflowed }
}
