import Diagnostics
import PodiumXML

/// What each `<url>` and `<video:video>` must say: the watch page, the video's thumbnail, title
/// and description, and where the video itself (or its player) is, which is never the page.
struct VideoEntryRules: SitemapCheck {
  static let required = Rule(
    id: "VSM-REQUIRED", severity: .error, source: Source.videoSitemap,
    summary: "Each <url> has a <loc>, and each <video:video> a thumbnail_loc, title, description and a content_loc "
      + "and/or player_loc, with absolute http(s) URLs.")
  static let notLoc = Rule(
    id: "VSM-NOT-LOC", severity: .error, source: Source.videoSitemap,
    summary: "video:content_loc and video:player_loc are not the page's <loc>, and content_loc is not an HTML or Flash file.")
  static let thumbnail = Rule(
    id: "VSM-THUMB", severity: .warning, source: Source.videoSitemap,
    summary: "video:thumbnail_loc is an image file (JPEG, PNG or GIF are safest, at least 160×90 px), not a page or a video.")

  static var rules: [Rule] { [required, notLoc, thumbnail] }

  /// Tags every video needs, with what to write in them.
  static let requiredTags: [(name: String, what: String)] = [
    ("thumbnail_loc", "the URL of the video's thumbnail image"), ("title", "the video's title"),
    ("description", "a description of the video"),
  ]
  /// Extensions of pages and Flash files, which are not a video's content.
  static let notVideoFiles: Set = ["html", "htm", "xhtml", "swf", "flv"]
  static let imageExtensions: Set = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp"]

  func check(_ sitemap: Sitemap, into findings: inout FindingList) {
    for url in sitemap.urls {
      let loc = url.loc?.trimmedText ?? ""
      if let element = url.loc, !loc.isEmpty {
        checkURL(element, "<loc>", what: "the watch page", into: &findings)
      } else {
        findings.add(
          Self.required, "this <url> has no <loc>; add the address of the page that shows the video",
          at: url.loc ?? url.element)
      }
      for video in url.videos { check(video, loc: loc, into: &findings) }
    }
  }

  private func check(_ video: Sitemap.Video, loc: String, into findings: inout FindingList) {
    for (name, what) in Self.requiredTags {
      guard let element = video.first(name) else {
        findings.add(
          Self.required, "<video:video> has no <video:\(name)>; add one with \(what)", at: video.element)
        continue
      }
      if element.trimmedText.isEmpty {
        findings.add(Self.required, "<video:\(name)> is empty; write \(what) in it", at: element)
      }
    }
    let content = video.first("content_loc"), player = video.first("player_loc")
    if content == nil, player == nil {
      findings.add(
        Self.required,
        "<video:video> has neither <video:content_loc> nor <video:player_loc>; add the video file's URL as content_loc, or its player's as player_loc",
        at: video.element)
    }
    if let thumbnail = video.first("thumbnail_loc"), !thumbnail.trimmedText.isEmpty {
      checkURL(thumbnail, "<video:thumbnail_loc>", what: "the thumbnail image", into: &findings)
      checkThumbnail(thumbnail, into: &findings)
    }
    for (element, name) in [(content, "content_loc"), (player, "player_loc")] {
      guard let element else { continue }
      let url = element.trimmedText
      if url.isEmpty {
        findings.add(Self.required, "<video:\(name)> is empty; write the URL in it, or remove the tag", at: element)
        continue
      }
      checkURL(element, "<video:\(name)>", what: name == "content_loc" ? "the video file" : "the player", into: &findings)
      if url == loc {
        findings.add(
          Self.notLoc,
          "<video:\(name)> is the page's own <loc>; point it at "
            + (name == "content_loc" ? "the video file itself" : "an embeddable player, or leave it out when content_loc is given"),
          at: element)
      }
    }
    if let content, let fileExtension = URLText.pathExtension(of: content.trimmedText),
      Self.notVideoFiles.contains(fileExtension)
    {
      findings.add(
        Self.notLoc,
        "<video:content_loc> points at a .\(fileExtension) file, which search engines don't read as video; "
          + "give the media file's URL (MP4, WebM, …), or put a player page in <video:player_loc>",
        at: content)
    }
  }

  private func checkURL(_ element: XMLElement, _ tag: String, what: String, into findings: inout FindingList) {
    let url = element.trimmedText
    guard !URLText.isAbsoluteHTTP(url) else { return }
    findings.add(
      Self.required, "\(tag) \(url.quotedForMessage) is not an absolute http(s) URL; write the full https:// address of \(what)",
      at: element)
  }

  private func checkThumbnail(_ thumbnail: XMLElement, into findings: inout FindingList) {
    guard let fileExtension = URLText.pathExtension(of: thumbnail.trimmedText),
      !Self.imageExtensions.contains(fileExtension)
    else { return }
    findings.add(
      Self.thumbnail,
      "<video:thumbnail_loc> points at a .\(fileExtension) file, not an image; give the URL of a JPEG or PNG thumbnail of at least 160×90 pixels",
      at: thumbnail)
  }
}
