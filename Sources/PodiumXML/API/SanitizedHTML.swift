/// An HTML fragment that passed the sanitiser, with what was taken out of it.
public struct SanitizedHTML: Sendable, Hashable {
  /// The fragment: only allowed elements and attributes, no wrapper, UTF-8 left as is.
  public var html: String
  /// Each distinct removal once, in the order first met.
  public var removals: [HTMLRemoval]
  /// The fragment's text, as ``HTMLSanitizer/plainText(fromHTML:)`` gives it.
  public var plainText: String

  public init(html: String, removals: [HTMLRemoval], plainText: String) {
    self.html = html
    self.removals = removals
    self.plainText = plainText
  }

  /// The fragment cut to at most `limit` UTF-8 bytes; see ``HTMLSanitizer/truncate(_:toBytes:)``.
  /// A fragment that fits comes back unchanged, without being parsed again.
  public func truncated(toBytes limit: Int) -> String {
    html.utf8.count <= limit ? html : HTMLSanitizer().truncate(html, toBytes: limit)
  }
}
