import Diagnostics
import PodiumXML

/// `<itunes:image href="…"/>` for shows and episodes: an absolute URL to a JPEG or PNG.
enum AppleImage {
  static let imageExtensions: Set = ["jpg", "jpeg", "png"]

  static func check(_ image: XMLElement, rule: Rule, into findings: inout FindingList) {
    guard let href = image.attribute("href")?.trimmingWhitespace(), !href.isEmpty else {
      let hint = image.trimmedText.isEmpty ? "" : " instead of the element's text"
      findings.add(rule, "<itunes:image> has no href; put the artwork URL in href=\"…\"\(hint)", at: image)
      return
    }
    guard URLText.isAbsoluteHTTP(href) else {
      findings.add(
        rule,
        "<itunes:image> href \(href.quotedForMessage) is not an absolute URL; use the artwork's full https:// URL",
        at: image)
      return
    }
    if !URLText.isPrintableASCII(href) {
      findings.add(
        EnclosureRules.asciiURLs,
        "the artwork URL has spaces or non-ASCII characters; rename the file or percent-encode the URL so it uses only ASCII",
        at: image)
    }
    if !imageExtensions.contains(URLText.pathExtension(of: href) ?? "") {
      findings.add(
        AppleChannelRules.imageFormat,
        "the artwork URL does not end in .jpg or .png; serve JPEG or PNG art with the matching extension", at: image)
    }
  }
}
