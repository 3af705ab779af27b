import PodiumXML
import Testing

/// What counts as markup in text meant to be plain: what an HTML reader would act on, and not
/// the `<` and `&` of ordinary sentences.
@Suite struct HTMLMarkupTests {
  @Test(arguments: [
    ("<script>alert(1)</script>", "<script>"), ("Kijk <img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("tekst</p>", "</p>"), ("a <!-- b --> c", "<!-- b -->"), ("<?php echo 1 ?>", "<?php echo 1 ?>"),
    ("1 < 2 <B>vet</B>", "<B>"), ("<a href='javascript:alert(1)' title='een heel lange titel die doorloopt'>", "<a href='javascript:alert(1)' "),
    ("1 < 2", nil), ("a <3 b", nil), ("<- terug", nil), ("eindigt op <", nil), ("", nil),
  ] as [(String, String?)])
  func tags(text: String, found: String?) {
    #expect(HTMLMarkup.firstTag(in: text).map(String.init) == found)
  }

  @Test(arguments: [
    ("&lt;script&gt;", "&lt;"), ("een &#60;b&#62;", "&#60;"), ("hex &#x3C;", "&#x3C;"), ("&amp;amp;", "&amp;"),
    ("Q&A", nil), ("Tom & Jerry", nil), ("AT&T; R&D;", nil), ("& ;", nil), ("&#;", nil), ("einde &", nil),
  ] as [(String, String?)])
  func characterReferences(text: String, found: String?) {
    #expect(HTMLMarkup.firstCharacterReference(in: text).map(String.init) == found)
  }
}
