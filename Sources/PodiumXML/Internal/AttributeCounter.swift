#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Counts the attributes (namespace declarations included) of each start tag in the bytes
/// libxml2 is about to read, so a tag with too many is refused before libxml2 sees it.
///
/// libxml2 2.9 checks each attribute of a tag against every earlier one for duplicates, so one
/// tag with n attributes costs n²/2 comparisons: 500,000 attributes on `<channel>` held the
/// parse for minutes. Counting is one pass over bytes that are read anyway.
///
/// Only the markup that can hold a raw `<` or `>` is told apart: comments, CDATA sections,
/// processing instructions, the DOCTYPE and quoted attribute values. Inside a start tag every
/// `=` outside quotes separates one attribute's name from its value.
struct AttributeCounter {
  /// The most attributes one start tag may have; real feeds use a few, `<rss>` a dozen or two
  /// namespace declarations.
  static let limit = 256

  private enum State {
    case text
    /// Just after `<`.
    case open
    case startTag
    case quoted(UInt8)
    /// A closing tag, until its `>`.
    case skip
    /// After `<!`: still deciding between a comment, CDATA and a declaration.
    case bang
    /// Inside a comment, CDATA section or processing instruction, until its closing bytes.
    case until(Terminator)
    case doctype(depth: Int, quote: UInt8?)
  }

  /// How a comment (`-->`), CDATA section (`]]>`) or processing instruction (`?>`) ends.
  private enum Terminator {
    case comment, cdata, instruction

    var bytes: [UInt8] {
      switch self {
      case .comment: AttributeCounter.commentEnd
      case .cdata: AttributeCounter.cdataEnd
      case .instruction: AttributeCounter.instructionEnd
      }
    }
  }

  private static let commentEnd = Array("-->".utf8)
  private static let cdataEnd = Array("]]>".utf8)
  private static let instructionEnd = Array("?>".utf8)
  private static let commentStart = Array("--".utf8)
  private static let cdataStart = Array("[CDATA[".utf8)

  private var state = State.text
  private var attributes = 0
  /// Bytes matched so far of the sequence that ends the construct being skipped.
  private var matched = 0
  /// Bytes after `<!`, to tell `<!--` and `<![CDATA[` from a declaration.
  private var bangBytes: [UInt8] = []
  /// Newlines seen, for the line of the refused tag.
  private var newlines = 0
  private var tagLine = 1
  /// The line of the first start tag over the limit, once one is seen.
  private(set) var refusedLine: Int?

  /// Scans the next piece of the document; stops at the first tag over the limit.
  ///
  /// Text, quoted values, end tags and the insides of comments, CDATA sections and instructions
  /// (most of a feed's bytes: its notes) are skipped with `memchr` to the next byte that can
  /// change the state (``skipTarget``), their line breaks counted the same way; only the bytes
  /// from there on go through ``step(_:)``.
  mutating func scan(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    var index = 0
    while index < bytes.count {
      if let stop = skipTarget {
        let found = memchr(base + index, Int32(stop), bytes.count - index)
        let end = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
        newlines += XMLText.lineFeeds(in: UnsafeRawBufferPointer(start: base + index, count: end - index))
        guard found != nil else { return }
        index = end
      }
      let byte = bytes[index]
      index += 1
      if byte == 0x0A { newlines += 1 }
      step(byte)
      if attributes > Self.limit {
        refusedLine = tagLine
        return
      }
    }
  }

  /// The one byte the state can next change at, when every other byte leaves it as it is: in
  /// text, a `<`; in a quoted value, its quote; in an end tag, its `>`; inside a comment, CDATA
  /// section or instruction with nothing of its end matched, the end's first byte (`]` of `]]>`,
  /// rare in notes, where `>` ends every tag). `nil`: step each byte.
  private var skipTarget: UInt8? {
    switch state {
    case .text: UInt8(ascii: "<")
    case .quoted(let quote): quote
    case .skip: UInt8(ascii: ">")
    case .until(let terminator) where matched == 0: terminator.bytes[0]
    default: nil
    }
  }

  private mutating func step(_ byte: UInt8) {
    switch state {
    case .text:
      if byte == UInt8(ascii: "<") {
        state = .open
        tagLine = newlines + 1
      }
    case .open:
      switch byte {
      case UInt8(ascii: "!"):
        bangBytes.removeAll(keepingCapacity: true)
        state = .bang
      case UInt8(ascii: "?"): enter(until: .instruction)
      case UInt8(ascii: "/"): state = .skip
      default:
        attributes = 0
        state = .startTag
        startTag(byte)
      }
    case .startTag: startTag(byte)
    case .quoted(let quote):
      if byte == quote { state = .startTag }
    case .skip:
      if byte == UInt8(ascii: ">") { state = .text }
    case .bang:
      bang(byte)
    case .until(let terminator):
      let end = terminator.bytes
      if byte == end[matched] {
        matched += 1
        if matched == end.count { state = .text }
      } else if byte != end[0] {
        matched = 0
      } else if !(matched == 2 && end[1] == end[0]) {
        // `--->` and `]]]>` still end: the last two bytes are the terminator's first two.
        matched = 1
      }
    case .doctype(let depth, let quote):
      if let quote {
        if byte == quote { state = .doctype(depth: depth, quote: nil) }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        state = .doctype(depth: depth, quote: byte)
      } else if byte == UInt8(ascii: "[") {
        state = .doctype(depth: depth + 1, quote: nil)
      } else if byte == UInt8(ascii: "]") {
        state = .doctype(depth: max(0, depth - 1), quote: nil)
      } else if byte == UInt8(ascii: ">"), depth == 0 {
        state = .text
      }
    }
  }

  private mutating func startTag(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "="): attributes += 1
    case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .quoted(byte)
    case UInt8(ascii: ">"): state = .text
    default: break
    }
  }

  private mutating func bang(_ byte: UInt8) {
    bangBytes.append(byte)
    if bangBytes == Self.commentStart {
      enter(until: .comment)
    } else if bangBytes == Self.cdataStart {
      enter(until: .cdata)
    } else if !Self.commentStart.starts(with: bangBytes), !Self.cdataStart.starts(with: bangBytes) {
      // `<!DOCTYPE …>`, with an internal subset in brackets that may hold quoted `>`.
      state = .doctype(depth: 0, quote: nil)
      step(byte)
    }
  }

  private mutating func enter(until terminator: Terminator) {
    matched = 0
    state = .until(terminator)
  }
}
