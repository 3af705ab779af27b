import PodiumXML
import ShowNotes
import Testing

@Suite struct ShowNotesRendererTests {
  let renderer = ShowNotesRenderer()

  @Test(arguments: [
    ("# One\n## Two\n###### Six", "<h1>One</h1>\n<h2>Two</h2>\n<h6>Six</h6>"),
    ("*em* **strong** `code` ~~gone~~", "<p><em>em</em> <strong>strong</strong> <code>code</code> <del>gone</del></p>"),
    (
      "- one\n- two\n\n1. first\n2. second",
      "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>"
    ),
    ("> quoted\n\n---", "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>"),
    ("line one  \nline two", "<p>line one<br>\nline two</p>"),
    ("[site](https://example.com \"Title\")", #"<p><a href="https://example.com" title="Title">site</a></p>"#),
    (
      "<https://example.com/x?a=1&b=2>",
      #"<p><a href="https://example.com/x?a=1&amp;b=2">https://example.com/x?a=1&amp;b=2</a></p>"#
    ),
    ("Visit www.example.com now", #"<p>Visit <a href="http://www.example.com">www.example.com</a> now</p>"#),
    ("See https://example.org/path.", #"<p>See <a href="https://example.org/path">https://example.org/path</a>.</p>"#),
    ("Mail hello@example.com", #"<p>Mail <a href="mailto:hello@example.com">hello@example.com</a></p>"#),
    ("```swift\nlet x = 1 < 2\n```", "<pre><code>let x = 1 &lt; 2\n</code></pre>"),
    ("Tom & Jerry <3 ]]>", "<p>Tom &amp; Jerry &lt;3 ]]&gt;</p>"),
    ("Ünïcödé 日本語 👋🏽 שלום", "<p>Ünïcödé 日本語 👋🏽 שלום</p>"),
    ("", ""),
  ])
  func rendersMarkdown(_ markdown: String, _ html: String) {
    let notes = renderer.render(markdown: markdown)
    #expect(notes.html == html)
    #expect(notes.removals.isEmpty)
  }

  @Test func rendersTablesWithoutAlignmentNoise() {
    let notes = renderer.render(markdown: "| Time | Topic |\n|-----:|:-----:|\n| 00:00 | Intro |")
    #expect(
      notes.html == "<table>\n<thead>\n<tr>\n<th>Time</th>\n<th>Topic</th>\n</tr>\n</thead>\n"
        + "<tbody>\n<tr>\n<td>00:00</td>\n<td>Intro</td>\n</tr>\n</tbody>\n</table>")
    #expect(notes.removals.isEmpty)
    #expect(notes.plainText == "Time Topic\n00:00 Intro")
  }

  @Test func keepsHarmlessHTMLAndReportsTheRest() {
    let markdown = """
      Some <b>bold</b> and <sup>1</sup> and <span class="x">span</span>.

      <script>alert(1)</script>

      <div onclick="steal()">block</div>

      <!-- a comment -->
      <iframe src="https://evil.example"></iframe>

      ![cover](cover.jpg) [relative](../episode-1.html) [js](javascript:alert(1))
      """
    let notes = renderer.render(markdown: markdown)
    #expect(notes.html.contains("<b>bold</b> and <sup>1</sup> and span."))
    #expect(notes.html.contains("block"))
    for gone in [
      "<script", "alert(1)</", "<div", "onclick", "comment", "<!--", "<iframe", "<img", "cover.jpg", "episode-1",
      "javascript",
    ] {
      #expect(!notes.html.contains(gone), "\(gone)")
    }
    #expect(
      notes.removals.map(\.kind) == [
        .unwrapped("span"), .element("script"), .unwrapped("div"), .element("iframe"), .element("img"),
        .url("../episode-1.html"), .url("javascript:alert(1)"),
      ])
  }

  @Test func dropsUnsafeLinksThatMarkdownWrites() {
    let notes = renderer.render(markdown: "[a](javascript:alert(1)) [b](data:text/html,x) [c](/local) [d](//host/x)")
    #expect(notes.html == "<p>a b c d</p>")
    #expect(
      notes.removals.map(\.kind) == [
        .url("javascript:alert(1)"), .url("data:text/html,x"), .url("/local"), .url("//host/x"),
      ])
  }

  @Test func describesEachRemoval() {
    let notes = renderer.render(markdown: "<script>x</script>")
    #expect(notes.removals.map(\.description) == ["removed <script> and its content"])
  }

  @Test func rendersPlainText() {
    let notes = renderer.render(
      markdown: "# Title\n\nHello **world** &amp; <i>more</i>.\n\n- one\n- two\n\n<script>x</script>")
    #expect(notes.plainText == "Title\n\nHello world & more.\n\none\ntwo")
  }

  @Test func outputParsesBackUnchanged() {
    let notes = renderer.render(markdown: Self.richNotes)
    let again = HTMLSanitizer().sanitize(notes.html)
    #expect(again.html == notes.html)
    #expect(again.removals.isEmpty)
    #expect(XMLText.firstDisallowedScalar(in: notes.html) == nil)
    #expect(!notes.html.contains("]]>"))
  }

  @Test func isDeterministic() {
    #expect(renderer.render(markdown: Self.richNotes) == renderer.render(markdown: Self.richNotes))
  }

  @Test func descriptionFitsAppleLimit() {
    let notes = renderer.render(markdown: String(repeating: Self.richNotes + "\n\n", count: 20))
    #expect(notes.html.utf8.count > 4000)
    let description = notes.description()
    #expect(description.utf8.count <= 4000)
    #expect(description.utf8.count > 3500)
    #expect(description.contains("…"))
    #expect(HTMLSanitizer().sanitize(description).html == description)
    for limit in stride(from: 0, through: 2000, by: 7) {
      #expect(notes.description(maxBytes: limit).utf8.count <= limit)
    }
  }

  @Test func shortNotesAreTheirOwnDescription() {
    let notes = renderer.render(markdown: "Short notes.")
    #expect(notes.description() == notes.html)
  }

  @Test func rendersAMegabyteOfNotes() {
    var markdown = ""
    while markdown.utf8.count < 1_000_000 { markdown += Self.richNotes + "\n\n" }
    let clock = ContinuousClock()
    var notes = renderer.render(markdown: "")
    let elapsed = clock.measure { notes = renderer.render(markdown: markdown) }
    #expect(notes.html.utf8.count > 1_000_000)
    #expect(notes.removals.isEmpty)
    #expect(notes.description().utf8.count <= 4000)
    #expect(elapsed < .seconds(5))
  }

  /// cmark-gfm shares a table of special characters between parsers; without the lock,
  /// parallel renders now and then miss strikethrough or autolinks.
  @Test func isSafeToUseFromManyTasks() async {
    let expected = renderer.render(markdown: Self.richNotes)
    let results = await withTaskGroup(of: [RenderedNotes].self) { group in
      for _ in 0..<8 {
        group.addTask { (0..<50).map { _ in ShowNotesRenderer().render(markdown: Self.richNotes) } }
      }
      return await group.reduce(into: []) { $0 += $1 }
    }
    #expect(results.count == 400)
    #expect(results.allSatisfy { $0 == expected })
  }

  static let richNotes = """
    # Episode 42: Tides & Time

    In this episode we talk with **Dr. Ana Souza** about *tidal energy*, ocean mapping and
    why the [Severn barrage](https://en.wikipedia.org/wiki/Severn_Barrage) never got built.

    ## Links

    - Ana's lab: https://example.org/lab
    - The paper: [Tidal resonance](https://doi.org/10.1000/xyz123 "DOI")
    - ~~Old site~~ new site: www.example.com

    | Time | Topic |
    |-----:|:------|
    | 00:00 | Intro |
    | 05:12 | Tidal basics |

    > "The sea is patient." — Ana

    ```
    let depth = 12 < 20
    ```

    Thanks to our supporters. Questions? Mail <hello@example.com>.
    Music by Kai Engel — résumé, naïve, 日本語, 👋🏽.
    """
}
