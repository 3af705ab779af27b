import PodiumXML
import Testing

/// The one escaping path, with the inputs that break naive ones.
@Suite struct HTMLEscapingTests {
  @Test(arguments: [
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", "&lt;img src=x onerror=alert(1)&gt;"),
    ("Tom & Jerry", "Tom &amp; Jerry", "Tom &amp; Jerry"),
    ("\" onmouseover=\"alert(1)", "\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"),
    ("</script><script>alert(2)</script>", "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
     "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
    ("]]>", "]]&gt;", "]]&gt;"),
    ("bell\u{07}tab\tline\n", "belltab\tline\n", "belltab\tline\n"),
    ("coöperatie 🚲 עברית", "coöperatie 🚲 עברית", "coöperatie 🚲 עברית"),
    ("\u{FFFE}x\u{FFFF}", "x", "x"),
    ("", "", ""),
  ])
  func escapes(input: String, text: String, attribute: String) {
    #expect(HTMLEscaping.text(input) == text)
    #expect(HTMLEscaping.attribute(input) == attribute)
  }

  @Test func scriptJSONCannotCloseTheScript() {
    let json = #"{"t":"</script><!-- & -->"}"#
    let escaped = HTMLEscaping.scriptJSON(json)
    #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("&"))
    #expect(escaped == #"{"t":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#)
  }
}
