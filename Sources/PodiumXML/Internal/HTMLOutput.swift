/// Sanitised HTML as it is written, as bytes.
///
/// With a byte limit it also remembers where the output could end: the last word boundary
/// and the last character boundary at which an ellipsis plus the end tags of every open
/// element still fit. Tags and escapes are written whole, so a cut never splits one.
struct HTMLOutput {
  static let ellipsis: StaticString = "…"

  var bytes: HTMLByteBuffer
  /// Whether the output has gone past the limit, so the walk can stop.
  private(set) var isOverLimit = false
  let limit: Int?
  /// Kept elements open now, innermost last; tracked only with a limit.
  private var open: [HTMLTag] = []
  private var endTagBytes = 0
  /// Whether the last thing written was inline content that a word could end in.
  var afterWord = false
  private var pendingNewline = false
  private var wordCut: HTMLCut?
  private var characterCut: HTMLCut?

  init(limit: Int? = nil, capacity: Int) {
    self.limit = limit
    bytes = HTMLByteBuffer(capacity: limit.map { min($0 + 64, capacity) } ?? capacity)
  }

  mutating func start(_ tag: HTMLTag) {
    flushNewline()
    if limit != nil { markBoundary(before: tag) }
    bytes.append(tag.startTag)
    opened(tag)
  }

  /// `<a href="…" title="…">`, the only start tag with attributes.
  mutating func startLink(href: UnsafeBufferPointer<UInt8>, title: UnsafeBufferPointer<UInt8>?) {
    flushNewline()
    if limit != nil { markCharacter() }
    bytes.append(#"<a href=""#)
    appendAttributeValue(href)
    if let title {
      bytes.append(#"" title=""#)
      appendAttributeValue(title)
    }
    bytes.append(#"">"#)
    opened(.a)
  }

  mutating func end(_ tag: HTMLTag) {
    if limit != nil {
      markBoundary(before: tag)
      open.removeLast()
      endTagBytes -= tag.endTag.utf8CodeUnitCount
    }
    bytes.append(tag.endTag)
    if tag.isBlock { afterWord = false }
    checkLimit()
  }

  /// Keeps the content of an unwrapped block apart from its neighbours with a newline,
  /// written only if more content follows.
  mutating func separateBlock() {
    pendingNewline = true
  }

  /// The output without white space around it, cut and closed if it went past the limit.
  consuming func finish() -> ArraySlice<UInt8> {
    if isOverLimit, let limit {
      guard limit >= Self.ellipsis.utf8CodeUnitCount else { return [] }
      let cut = chosenCut()
      bytes.truncate(to: cut.position)
      while let last = bytes.last, Self.isSpace(last) { bytes.removeLast() }
      bytes.append(Self.ellipsis)
      for tag in cut.open.reversed() { bytes.append(tag.endTag) }
    }
    while let last = bytes.last, Self.isSpace(last) { bytes.removeLast() }
    var start = 0
    while start < bytes.count, Self.isSpace(bytes[start]) { start += 1 }
    return bytes.bytes(from: start)
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  mutating func flushNewline() {
    guard pendingNewline else { return }
    pendingNewline = false
    guard let last = bytes.last, !Self.isSpace(last) else { return }
    if limit != nil { markSpace() }
    bytes.append(0x0A)
  }

  mutating func checkLimit() {
    if let limit, bytes.count > limit { isOverLimit = true }
  }

  /// Before a block's tags, or a line break, a word that was just written has ended.
  private mutating func markBoundary(before tag: HTMLTag) {
    if afterWord, tag.isBlock || tag == .br { markWord() }
    markCharacter()
  }

  /// Before white space: the word written before it has ended.
  mutating func markSpace() {
    if afterWord { markWord() }
    afterWord = false
    markCharacter()
  }

  mutating func markCharacter() {
    if fitsHere() { characterCut = HTMLCut(position: bytes.count, open: open) }
  }

  private mutating func markWord() {
    if fitsHere() { wordCut = HTMLCut(position: bytes.count, open: open) }
  }

  private func fitsHere() -> Bool {
    guard let limit else { return false }
    return bytes.count + Self.ellipsis.utf8CodeUnitCount + endTagBytes <= limit
  }

  private mutating func opened(_ tag: HTMLTag) {
    if limit != nil, !tag.isVoid {
      open.append(tag)
      endTagBytes += tag.endTag.utf8CodeUnitCount
    }
    afterWord = false
    checkLimit()
  }

  /// Ends at a word, unless that would give up more than half the limit compared with
  /// ending mid-word, as when the text ends in a very long URL.
  private func chosenCut() -> HTMLCut {
    let character = characterCut ?? .start
    guard let word = wordCut, let limit, character.position - word.position <= limit / 2 else { return character }
    return word
  }
}
