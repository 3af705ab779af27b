import PodiumXML
import Testing

@Suite struct HTMLTruncationTests {
  let sanitizer = HTMLSanitizer()

  static let sample = """
    <h1>Episode 12: Ünïcödé &amp; friends</h1>
    <p>We talk with <strong>Dr. Ana Souza</strong> about <em>tidal energy</em>, 日本語のテキスト, \
    and emoji 👋🏽👨‍👩‍👧 in <a href="https://example.com/a?b=1&amp;c=2" title="A &quot;title&quot;">links \
    with several words</a>.</p>
    <ul><li>One <b>bold <i>nested</i> item</b></li><li>Two: x &lt; y</li></ul>
    <blockquote><p>Quoted wisdom, שלום עולם.</p></blockquote>
    <pre><code>let x = 1 &lt; 2
    </code></pre>
    <table><tr><th>Time</th><th>Topic</th></tr><tr><td>00:00</td><td>Intro</td></tr></table>
    <p>Last<br>line</p>
    """

  @Test func leavesFittingHTMLUnchanged() {
    let html = sanitizer.sanitize(Self.sample).html
    #expect(sanitizer.truncate(html, toBytes: html.utf8.count) == html)
    #expect(SanitizedHTML(html: html, removals: [], plainText: "").truncated(toBytes: 4000) == html)
  }

  @Test(arguments: [
    (25, "<p>Hello wonderful…</p>"),
    (24, "<p>Hello…</p>"),
    (15, "<p>Hello…</p>"),
    (14, "<p>Hell…</p>"),
    (10, "<p>…</p>"),
    (9, "…"),
    (3, "…"),
    (2, ""),
    (0, ""),
    (-5, ""),
  ])
  func cutsAtWords(_ limit: Int, _ expected: String) {
    #expect(sanitizer.truncate("<p>Hello wonderful world</p>", toBytes: limit) == expected)
  }

  @Test func closesNestedElements() {
    let html = "<ul><li><b>one <i>two three</i></b></li><li>four</li></ul>"
    #expect(sanitizer.truncate(html, toBytes: 42) == "<ul><li><b>one <i>two…</i></b></li></ul>")
  }

  @Test func cutsInsideLinksAndKeepsTheirAttributesWhole() {
    let html = #"<p><a href="https://example.com/?a=1&amp;b=2">click here now</a></p>"#
    #expect(sanitizer.truncate(html, toBytes: 62) == #"<p><a href="https://example.com/?a=1&amp;b=2">click…</a></p>"#)
    #expect(sanitizer.truncate(html, toBytes: 60) == #"<p><a href="https://example.com/?a=1&amp;b=2">cli…</a></p>"#)
    #expect(sanitizer.truncate(html, toBytes: 50) == "<p>…</p>")
  }

  @Test func cutsBetweenCharactersWhenAWordIsTooLong() {
    #expect(sanitizer.truncate("<p>Supercalifragilisticexpialidocious</p>", toBytes: 20) == "<p>Supercalif…</p>")
    #expect(sanitizer.truncate("日本語のテキスト", toBytes: 10) == "日本…")
    #expect(sanitizer.truncate("👨‍👩‍👧👨‍👩‍👧", toBytes: 12) == "👨\u{200D}…")
  }

  @Test func neverSplitsAnEscape() {
    #expect(sanitizer.truncate("<p>a&amp;b&amp;c&amp;d</p>", toBytes: 16) == "<p>a&amp;…</p>")
  }

  /// For every limit: the result fits, is sanitised, balanced HTML (a fixed point of the
  /// sanitiser), is valid UTF-8, and its text is a prefix of the original's text.
  @Test(arguments: [sample, String(repeating: "word ", count: 80), "<p>" + String(repeating: "é", count: 200) + "</p>"])
  func alwaysFitsTheLimit(_ input: String) {
    let html = sanitizer.sanitize(input).html
    let fullText = sanitizer.plainText(fromHTML: html)
    for limit in 0...(html.utf8.count + 8) {
      let cut = sanitizer.truncate(html, toBytes: limit)
      #expect(cut.utf8.count <= limit, "limit \(limit)")
      #expect(sanitizer.sanitize(cut).html == cut, "limit \(limit)")
      #expect(!cut.unicodeScalars.contains("\u{FFFD}"), "limit \(limit)")
      if limit >= html.utf8.count {
        #expect(cut == html)
      } else if limit >= 3 {
        #expect(cut.contains("…"), "limit \(limit)")
        let text = sanitizer.plainText(fromHTML: cut).replacingEllipsis
        #expect(fullText.hasPrefix(text), "limit \(limit): \(text)")
      }
    }
  }

  @Test func truncatesLargeInputQuickly() {
    let html = String(repeating: "<p>Some <b>bold</b> words &amp; more words.</p>\n", count: 25_000)
    let clock = ContinuousClock()
    var cut = ""
    let elapsed = clock.measure { cut = sanitizer.truncate(html, toBytes: 4000) }
    #expect(cut.utf8.count <= 4000)
    #expect(cut.utf8.count > 3900)
    #expect(cut.hasSuffix("…</p>"))
    #expect(elapsed < .seconds(1))
  }
}

extension String {
  fileprivate var replacingEllipsis: String {
    var text = self
    if text.hasSuffix("…") { text.removeLast() }
    return text
  }
}
