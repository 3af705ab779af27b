import Diagnostics
import PodiumXML

/// Google's limits and value formats for video sitemaps: lengths, ranges, counts, dates and
/// yes/no flags, and the size of one sitemap file.
struct VideoLimitRules: SitemapCheck {
  static let limits = Rule(
    id: "VSM-LIMITS", severity: .error, source: Source.videoSitemap,
    summary: "Descriptions ≤ 2048 characters, duration 1–28800 s, ≤ 32 tags, W3C datetimes, yes/no flags, "
      + "rating 0–5, uploader ≤ 255 characters; ≤ 50,000 URLs and ≤ 50 MB per sitemap.")

  static var rules: [Rule] { [limits] }

  static let maximumURLs = 50_000
  static let maximumBytes = 50 * 1024 * 1024
  static let maximumDescription = 2048
  static let durations = 1...28_800
  static let maximumTags = 32
  static let maximumUploader = 255
  static let flags = ["family_friendly", "requires_subscription", "live"]
  static let dates = ["publication_date", "expiration_date"]

  func check(_ sitemap: Sitemap, into findings: inout FindingList) {
    if sitemap.urls.count > Self.maximumURLs {
      findings.add(
        Self.limits,
        "this sitemap lists \(sitemap.urls.count) URLs, over the limit of \(Self.maximumURLs); split it into several sitemaps listed in a sitemap index",
        at: sitemap.root)
    }
    for url in sitemap.urls {
      for video in url.videos { check(video, into: &findings) }
    }
  }

  /// The finding for a sitemap file over 50 MB, which is refused before anything else is read.
  static func sizeFinding(bytes: Int, file: String) -> Finding? {
    guard bytes > maximumBytes else { return nil }
    var findings = FindingList(file: file)
    findings.add(
      limits,
      "this sitemap is \(bytes) bytes, over the limit of 50 MB uncompressed; split it into several sitemaps listed in a sitemap index",
      line: 1)
    return findings.findings.first
  }

  private func check(_ video: Sitemap.Video, into findings: inout FindingList) {
    if let description = video.first("description"), case let length = description.trimmedText.count,
      length > Self.maximumDescription
    {
      findings.add(
        Self.limits,
        "<video:description> is \(length) characters long, over the limit of \(Self.maximumDescription); shorten it",
        at: description)
    }
    if let duration = video.first("duration") {
      let text = duration.trimmedText
      if !text.isASCIIDigits || !Self.durations.contains(Int(text) ?? 0) {
        findings.add(
          Self.limits,
          "<video:duration> \(text.quotedForMessage) is not a whole number of seconds from 1 to 28800; write the video's length in seconds",
          at: duration)
      }
    }
    let tags = video.all("tag")
    if tags.count > Self.maximumTags {
      findings.add(
        Self.limits, "<video:video> has \(tags.count) tags, over the limit of \(Self.maximumTags); keep the 32 that matter most",
        at: tags[Self.maximumTags])
    }
    checkValues(video, into: &findings)
  }

  private func checkValues(_ video: Sitemap.Video, into findings: inout FindingList) {
    for name in Self.dates {
      guard let date = video.first(name), !W3CDateTime.isValid(date.trimmedText) else { continue }
      findings.add(
        Self.limits,
        "<video:\(name)> \(date.trimmedText.quotedForMessage) is not a W3C datetime; write a date (2024-09-26) or a date and time with its zone (2024-09-26T10:00:00+02:00)",
        at: date)
    }
    for name in Self.flags {
      guard let flag = video.first(name), !["yes", "no"].contains(flag.trimmedText) else { continue }
      findings.add(
        Self.limits, "<video:\(name)> \(flag.trimmedText.quotedForMessage) is not yes or no; write yes or no in lower case",
        at: flag)
    }
    if let rating = video.first("rating"), !Self.isRating(rating.trimmedText) {
      findings.add(
        Self.limits, "<video:rating> \(rating.trimmedText.quotedForMessage) is not a number from 0.0 to 5.0; write one such as 4.2",
        at: rating)
    }
    if let uploader = video.first("uploader"), case let length = uploader.trimmedText.count,
      length > Self.maximumUploader
    {
      findings.add(
        Self.limits,
        "<video:uploader> is \(length) characters long, over the limit of \(Self.maximumUploader); shorten the name",
        at: uploader)
    }
    for name in ["restriction", "platform"] { checkRelationship(video.all(name), name, into: &findings) }
  }

  /// `<video:restriction>` and `<video:platform>`: at most one each, with relationship allow or deny.
  private func checkRelationship(_ elements: [XMLElement], _ name: String, into findings: inout FindingList) {
    if elements.count > 1 {
      findings.add(
        Self.limits, "<video:video> has \(elements.count) <video:\(name)> tags; merge them into one, listing the values with spaces",
        at: elements[1])
    }
    for element in elements where !["allow", "deny"].contains(element.attribute("relationship") ?? "") {
      findings.add(
        Self.limits, "<video:\(name)> needs relationship=\"allow\" or relationship=\"deny\"; add the one that is meant",
        at: element)
    }
  }

  private static func isRating(_ text: String) -> Bool {
    guard text.isDecimalNumber, let value = Double(text) else { return false }
    return (0...5).contains(value)
  }
}
