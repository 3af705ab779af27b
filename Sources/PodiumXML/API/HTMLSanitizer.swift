/// Turns untrusted HTML into a fragment that podcast apps render and that cannot run code.
///
/// libxml2's HTML parser reads the input (no network, no entity loading) and the sanitiser
/// writes back only allow-listed content:
/// - Kept: `p br a strong b em i ul ol li blockquote code pre h1`–`h6 hr del s table thead
///   tbody tr th td sup sub`.
/// - Removed with their content: `script style iframe object embed noscript template svg
///   math form input button textarea select head title meta link img`, and other embedded
///   media (`applet frame frameset base param audio video canvas picture source track`).
/// - Anything else is unwrapped: its tags go, its text stays. Unwrapped blocks such as
///   `div` leave a newline, so words on either side stay apart.
/// - Attributes: only `href` (absolute `http`, `https` or `mailto`) and `title`, on `a`.
///   An `a` whose link goes keeps its text.
/// - Comments, processing instructions and doctypes are dropped silently.
///
/// The output is deterministic, has no `html`/`body` wrapper, writes `<br>` and `<hr>` in
/// HTML style, and never contains `]]>` or characters XML cannot carry; other characters
/// are left as UTF-8 (`&nbsp;` becomes U+00A0). The sanitiser keeps no state, so it can run
/// on many threads at once.
public struct HTMLSanitizer: Sendable {
  public init() {}

  /// - Parameter html: an HTML fragment from anywhere.
  /// - Returns: the safe fragment, what was removed, and the fragment's plain text, all
  ///   from one parse.
  public func sanitize(_ html: String) -> SanitizedHTML {
    let visitor = HTMLFragmentParser.parse(
      html,
      with: HTMLSanitizingVisitor(
        output: HTMLOutput(capacity: html.utf8.count + 64),
        plainText: HTMLPlainTextWriter(capacity: html.utf8.count)))
    return SanitizedHTML(
      html: String(decoding: visitor.output.finish(), as: UTF8.self),
      removals: visitor.log.removals,
      plainText: visitor.plainText?.finish() ?? "")
  }

  /// The sanitised fragment cut to at most `limit` UTF-8 bytes, for fields with a size
  /// limit (Apple reads 4,000 bytes of an item's description).
  ///
  /// Output that fits is returned whole. Otherwise it is cut at a word boundary where
  /// possible (else between characters), an ellipsis "…" is appended, and every open
  /// element is closed; the ellipsis and end tags count towards the limit. The cut is made
  /// while walking the parsed fragment, so it never falls inside a tag, an escape or a
  /// character, and parsing stops once the limit is passed.
  ///
  /// - Parameter limit: the most UTF-8 bytes the result may have. Below 3 (the ellipsis),
  ///   a fragment that does not fit becomes empty.
  public func truncate(_ html: String, toBytes limit: Int) -> String {
    let visitor = HTMLFragmentParser.parse(
      html,
      with: HTMLSanitizingVisitor(output: HTMLOutput(limit: max(limit, 0), capacity: html.utf8.count), plainText: nil))
    return String(decoding: visitor.output.finish(), as: UTF8.self)
  }

  /// The text of an HTML fragment, for plain-text fields such as a channel description or
  /// an `itunes:summary`.
  ///
  /// Removed elements (scripts, styles…) contribute nothing. Paragraphs, headings and other
  /// blocks are separated by a blank line, list items and table rows by a newline, table
  /// cells by a space; other white space collapses to one space, except inside `<pre>`.
  /// Entities are decoded, characters XML cannot carry are dropped, and the result is
  /// trimmed.
  public func plainText(fromHTML html: String) -> String {
    HTMLFragmentParser.parse(html, with: HTMLPlainTextVisitor(capacity: html.utf8.count)).writer.finish()
  }
}
