import PodiumXML

/// Show notes rendered to sanitised HTML, in the forms a feed needs.
public struct RenderedNotes: Sendable, Hashable {
  /// The whole sanitised HTML, for `content:encoded`.
  public var html: String
  /// What the sanitiser removed from HTML the author wrote, each distinct removal once.
  public var removals: [HTMLRemoval]
  public init(html: String, removals: [HTMLRemoval]) {
    self.html = html
    self.removals = removals
  }

  /// The text of the notes, for plain-text fields. Worked out when asked for, not kept: a
  /// 10,000-episode build would otherwise hold every episode's notes a third time.
  public var plainText: String { HTMLSanitizer().plainText(fromHTML: html) }

  /// The HTML cut to fit an item's `description`, which Apple limits to 4,000 bytes.
  ///
  /// - Parameter maxBytes: the most UTF-8 bytes the result may have, ellipsis and end tags
  ///   included.
  /// - Returns: the HTML unchanged if it fits, else cut at a word with "…" and closed.
  public func description(maxBytes: Int = 4000) -> String {
    html.utf8.count <= maxBytes ? html : HTMLSanitizer().truncate(html, toBytes: maxBytes)
  }
}
