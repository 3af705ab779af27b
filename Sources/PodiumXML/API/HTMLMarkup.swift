/// Finds what an HTML reader would take as markup in text meant to be plain. RSS readers render
/// `<description>` as HTML (https://www.rssboard.org/rss-profile#element-channel-item-description),
/// so plain text that holds a tag, once XML-escaped, still reaches them as a tag.
public enum HTMLMarkup {
  /// The first tag-like sequence: `<` followed by a letter (`<p>`), `/` (`</a>`), `!` (`<!--`)
  /// or `?` (`<?php`), as an HTML tokenizer starts a tag on them
  /// (https://html.spec.whatwg.org/multipage/parsing.html#tag-open-state).
  /// - Returns: a short excerpt starting at the `<`, for a message.
  public static func firstTag(in text: String) -> Substring? {
    let utf8 = text.utf8
    var index = utf8.startIndex
    while let open = utf8[index...].firstIndex(of: UInt8(ascii: "<")) {
      let next = utf8.index(after: open)
      guard next < utf8.endIndex else { return nil }
      let byte = utf8[next]
      if isASCIILetter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
        return excerpt(text, from: open, through: UInt8(ascii: ">"))
      }
      index = next
    }
    return nil
  }

  /// The first character reference: `&lt;`, `&#60;` or `&#x3C;` (a name or number between `&`
  /// and `;`). A reader decodes it, so `&lt;b&gt;` in plain text would show as `<b>`; a lone
  /// `&` (`Q&A`, `Tom & Jerry`) is not one, nor a one-letter name (`AT&T;`): HTML names none.
  public static func firstCharacterReference(in text: String) -> Substring? {
    let utf8 = text.utf8
    var index = utf8.startIndex
    while let ampersand = utf8[index...].firstIndex(of: UInt8(ascii: "&")) {
      var cursor = utf8.index(after: ampersand)
      let numeric = cursor < utf8.endIndex && utf8[cursor] == UInt8(ascii: "#")
      if numeric { cursor = utf8.index(after: cursor) }
      let start = cursor
      // Named references are at most 31 characters (`&CounterClockwiseContourIntegral;`).
      while cursor < utf8.endIndex, utf8.distance(from: start, to: cursor) < 32, isASCIIAlphanumeric(utf8[cursor]) {
        cursor = utf8.index(after: cursor)
      }
      if utf8.distance(from: start, to: cursor) >= (numeric ? 1 : 2), cursor < utf8.endIndex, utf8[cursor] == UInt8(ascii: ";") {
        return text[ampersand...cursor]
      }
      index = utf8.index(after: ampersand)
    }
    return nil
  }

  /// From `start` up to and including `end` (or 30 characters, whichever comes first).
  private static func excerpt(_ text: String, from start: String.Index, through end: UInt8) -> Substring {
    let rest = text[start...]
    let limit = rest.index(rest.startIndex, offsetBy: 30, limitedBy: rest.endIndex) ?? rest.endIndex
    if let close = rest.utf8[..<limit].firstIndex(of: end) { return rest[...close] }
    return rest[..<limit]
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
