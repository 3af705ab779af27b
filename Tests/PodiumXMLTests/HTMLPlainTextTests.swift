import PodiumXML
import Testing

@Suite struct HTMLPlainTextTests {
  @Test(arguments: [
    ("<p>Hello <b>world</b></p><p>Second</p>", "Hello world\n\nSecond"),
    ("<p>Intro</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>End</p>", "Intro\n\none\ntwo\n\nEnd"),
    ("<h1>Title</h1><p>Body</p><hr><p>After</p>", "Title\n\nBody\n\nAfter"),
    ("line one<br>line two", "line one\nline two"),
    ("  lots \n\t of   space  ", "lots of space"),
    ("&amp; &lt;tag&gt; &eacute; &nbsp;x", "& <tag> é \u{A0}x"),
    ("<script>alert(1)</script><style>p{}</style>visible<!-- hidden -->", "visible"),
    ("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>", "a b\n1 2"),
    ("<pre><code>let x = 1\n    indented\n</code></pre><p>after</p>", "let x = 1\n    indented\n\nafter"),
    ("<div>one</div><div>two</div>", "one\ntwo"),
    ("<a href=\"javascript:x\">link text</a> stays", "link text stays"),
    ("bad\u{1}\u{FFFE}chars", "badchars"),
    ("<ul><li>one<ul><li>nested</li></ul></li></ul>", "one\nnested"),
    ("", ""),
  ])
  func extractsText(_ html: String, _ text: String) {
    #expect(HTMLSanitizer().plainText(fromHTML: html) == text)
  }

  @Test func matchesTheTextFromSanitizing() {
    let html = "<h2>Links</h2><ul><li><a href=\"https://a.example\">A</a></li><li>B &amp; C</li></ul><p>x<br>y</p>"
    #expect(HTMLSanitizer().sanitize(html).plainText == HTMLSanitizer().plainText(fromHTML: html))
  }

  @Test func resultCanGoIntoXML() {
    let text = HTMLSanitizer().plainText(fromHTML: "a\u{0}\u{1B}[31m\u{FFFF}b")
    #expect(XMLText.firstDisallowedScalar(in: text) == nil)
  }
}
