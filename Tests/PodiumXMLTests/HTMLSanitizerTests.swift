import PodiumXML
import Testing

@Suite struct HTMLSanitizerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var html: String
    var removals: [HTMLRemoval.Kind] = []
    var testDescription: String { input.debugDescription }
  }

  static let hostile: [Case] = [
    Case(input: "<script>alert(1)</script>", html: "", removals: [.element("script")]),
    Case(input: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", html: "after", removals: [.element("script")]),
    Case(input: "<img src=x onerror=alert(1)>", html: "", removals: [.element("img")]),
    Case(input: #"<a href="javascript:alert(1)">x</a>"#, html: "x", removals: [.url("javascript:alert(1)")]),
    Case(input: #"<a href="JaVaScRiPt:alert(1)">x</a>"#, html: "x", removals: [.url("JaVaScRiPt:alert(1)")]),
    Case(input: #"<a href="java&#x09;script:alert(1)">x</a>"#, html: "x", removals: [.url("java\tscript:alert(1)")]),
    Case(input: #"<a href="&#106;avascript:alert(1)">x</a>"#, html: "x", removals: [.url("javascript:alert(1)")]),
    Case(
      input: #"<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>"#, html: "x",
      removals: [.url("data:text/html;base64,PHNjcmlwdD4=")]),
    Case(input: #"<a href="vbscript:msgbox(1)">x</a>"#, html: "x", removals: [.url("vbscript:msgbox(1)")]),
    Case(input: #"<a href="/relative">x</a>"#, html: "x", removals: [.url("/relative")]),
    Case(input: #"<a href="episode-2.html">x</a>"#, html: "x", removals: [.url("episode-2.html")]),
    Case(input: #"<a href="//evil.example/x">x</a>"#, html: "x", removals: [.url("//evil.example/x")]),
    Case(input: #"<a href="http:///evil.example">x</a>"#, html: "x", removals: [.url("http:///evil.example")]),
    Case(input: #"<a href="">x</a>"#, html: "x", removals: [.url("")]),
    Case(
      input: "<iframe src=\"https://evil.example\">inside</iframe>after", html: "after", removals: [.element("iframe")]),
    Case(input: "<style>p { color: red }</style><p>x</p>", html: "<p>x</p>", removals: [.element("style")]),
    Case(
      input: #"<p onclick="x()" style="color:red" class="c" id="i">hi</p>"#, html: "<p>hi</p>",
      removals: [
        .attribute(element: "p", name: "onclick"), .attribute(element: "p", name: "style"),
        .attribute(element: "p", name: "class"), .attribute(element: "p", name: "id"),
      ]),
    Case(input: "<svg><script>alert(1)</script></svg>ok", html: "ok", removals: [.element("svg")]),
    Case(input: "<math><mi>x</mi></math>ok", html: "ok", removals: [.element("math")]),
    Case(
      input: "<object data=x>fallback</object><embed src=x>", html: "",
      removals: [.element("object"), .element("embed")]),
    Case(input: "<noscript><b>enable JS</b></noscript>", html: "", removals: [.element("noscript")]),
    Case(input: "<template><p>t</p></template>", html: "", removals: [.element("template")]),
    Case(
      input:
        "<form action=x><input value=v><button>go</button><textarea>t</textarea><select><option>o</option></select></form>",
      html: "", removals: [.element("form")]),
    Case(input: "<textarea><b>t</b></textarea>", html: "", removals: [.element("textarea")]),
    Case(
      input: #"<meta http-equiv="refresh" content="0;url=javascript:x"><link rel=stylesheet href=x><title>t</title>"#,
      html: "", removals: [.element("meta"), .element("link"), .element("title")]),
    Case(input: #"<meta charset="iso-8859-1">é"#, html: "é", removals: [.element("meta")]),
    Case(
      input: "<div><span><custom-tag>hi</custom-tag></span></div>", html: "hi",
      removals: [.unwrapped("div"), .unwrapped("span"), .unwrapped("custom-tag")]),
    Case(input: "<div>one</div><div>two</div>", html: "one\ntwo", removals: [.unwrapped("div")]),
    Case(
      input: "<font color=red><blink>x</blink></font>", html: "x", removals: [.unwrapped("font"), .unwrapped("blink")]),
    Case(input: "a<!-- secret --><?php echo 1 ?>b", html: "ab"),
    Case(input: "<p>x</p></body></html><p>y</p>", html: "<p>x</p><p>y</p>"),
    Case(
      input: "<html><head><title>t</title></head><body onload=x()>text</body></html>", html: "text",
      removals: [.element("title")]),
    Case(input: "<p>unclosed <b>bold", html: "<p>unclosed <b>bold</b></p>"),
    Case(input: "<scr<script>ipt>alert(1)</script>", html: "ipt&gt;alert(1)", removals: [.unwrapped("scr")]),
  ]

  static let preserved: [Case] = [
    Case(input: "&amp; &lt; &gt; &quot; &nbsp; &eacute; &#x1F600;", html: "&amp; &lt; &gt; \" \u{A0} é 😀"),
    Case(input: "&bogus; & <", html: "&amp;bogus; &amp; &lt;"),
    Case(input: "<p>emoji 👋🏽 👨‍👩‍👧 🇳🇱</p>", html: "<p>emoji 👋🏽 👨‍👩‍👧 🇳🇱</p>"),
    Case(
      input: "<p dir=rtl>שלום עולם — مرحبا بالعالم</p>", html: "<p>שלום עולם — مرحبا بالعالم</p>",
      removals: [.attribute(element: "p", name: "dir")]),
    Case(input: "end of CDATA ]]> here", html: "end of CDATA ]]&gt; here"),
    Case(input: "control\u{1}\u{8}\u{B} \u{FFFE}\u{FFFF}chars\u{0}", html: "control chars"),
    Case(
      input: "<b>b</b><strong>s</strong><i>i</i><em>e</em><del>d</del><s>s</s><sup>1</sup><sub>2</sub><code>c</code>",
      html: "<b>b</b><strong>s</strong><i>i</i><em>e</em><del>d</del><s>s</s><sup>1</sup><sub>2</sub><code>c</code>"),
    Case(
      input: "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>",
      html: "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>"),
    Case(input: "a<br/>b<BR>c<hr/>d", html: "a<br>b<br>c<hr>d"),
    Case(
      input:
        "<ul><li>one<ol><li>two</li></ol></li></ul><blockquote><p>q</p></blockquote><pre><code>x &lt; y\n</code></pre>",
      html:
        "<ul><li>one<ol><li>two</li></ol></li></ul><blockquote><p>q</p></blockquote><pre><code>x &lt; y\n</code></pre>"),
    Case(
      input: "<table><thead><tr><th align=center>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
      html: "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
      removals: [.attribute(element: "th", name: "align")]),
    Case(
      input: #"<a href="https://example.com/a?b=1&amp;c=2" title="Say &quot;hi&quot; <now>" onclick="x" rel=x>ok</a>"#,
      html: #"<a href="https://example.com/a?b=1&amp;c=2" title="Say &quot;hi&quot; &lt;now&gt;">ok</a>"#,
      removals: [.attribute(element: "a", name: "onclick"), .attribute(element: "a", name: "rel")]),
    Case(input: #"<a href="  HTTPS://EXAMPLE.COM/  ">x</a>"#, html: #"<a href="HTTPS://EXAMPLE.COM/">x</a>"#),
    Case(input: #"<a href="http://example.com" title="">x</a>"#, html: #"<a href="http://example.com">x</a>"#),
    Case(
      input: #"<a href="mailto:hosts@example.com?subject=Hi">mail us</a>"#,
      html: #"<a href="mailto:hosts@example.com?subject=Hi">mail us</a>"#),
    Case(input: #"<a name="top">anchor</a>"#, html: "anchor"),
    Case(input: "  \n<p>trimmed</p>\n  ", html: "<p>trimmed</p>"),
    Case(input: "", html: ""),
  ]

  @Test(arguments: hostile + preserved)
  func sanitizes(_ example: Case) {
    let result = HTMLSanitizer().sanitize(example.input)
    #expect(result.html == example.html)
    #expect(result.removals.map(\.kind) == example.removals)
  }

  /// Whatever goes in, what comes out is a fixed point with nothing left to remove, has no
  /// script, no event handler and no `]]>`, and can go into XML.
  @Test(arguments: hostile + preserved)
  func outputIsStable(_ example: Case) {
    let html = HTMLSanitizer().sanitize(example.input).html
    let again = HTMLSanitizer().sanitize(html)
    #expect(again.html == html)
    #expect(again.removals.isEmpty)
    let lowercased = html.lowercased()
    for forbidden in ["<script", "<iframe", "<img", "<style", "javascript:", "onclick", "onerror", "]]>"] {
      #expect(!lowercased.contains(forbidden))
    }
    #expect(XMLText.firstDisallowedScalar(in: html) == nil)
  }

  @Test func reportsEachRemovalOnce() {
    let result = HTMLSanitizer().sanitize(String(repeating: "<span>x</span><script>y</script>", count: 50))
    #expect(result.html == String(repeating: "x", count: 50))
    #expect(result.removals.map(\.kind) == [.unwrapped("span"), .element("script")])
  }

  @Test func describesRemovals() {
    #expect(HTMLRemoval(.element("script")).description == "removed <script> and its content")
    #expect(
      HTMLRemoval(.attribute(element: "p", name: "onclick")).description == "removed the onclick attribute from <p>")
    #expect(HTMLRemoval(.url("foo.html")).description.contains("'foo.html'"))
  }

  @Test func survivesDeepNesting() {
    let deep = String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "<b>", count: 5_000) + "er"
    let result = HTMLSanitizer().sanitize(deep)
    #expect(result.html.contains("deep"))
    #expect(HTMLSanitizer().sanitize(result.html).html == result.html)
  }

  @Test func sanitizesLargeInput() {
    let paragraph = "<p>Some <b>bold</b> text &amp; a <a href=\"https://example.com/\">link</a>.</p>\n"
    let input = String(repeating: paragraph, count: 12_000)
    let result = HTMLSanitizer().sanitize(input)
    #expect(result.html == input.trimmingSuffixNewline)
    #expect(result.removals.isEmpty)
  }

  @Test func isSafeToCallFromManyTasks() async {
    let inputs = (Self.hostile + Self.preserved).map(\.input)
    let expected = inputs.map { HTMLSanitizer().sanitize($0) }
    let results = await withTaskGroup(of: [SanitizedHTML].self) { group in
      for _ in 0..<8 {
        group.addTask { (0..<20).flatMap { _ in inputs.map { HTMLSanitizer().sanitize($0) } } }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    for result in results {
      #expect(result == Array(repeating: expected, count: 20).flatMap { $0 })
    }
  }
}

extension String {
  fileprivate var trimmingSuffixNewline: String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
