import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  private static let content =
    #"<media:content url="https://cdn.example.com/video-2.mp4" fileSize="230675""#
  private static let group = #"<media:content url="https://cdn.example.com/video-1.webm" type="video/webm" medium="video" isDefault="false"/>"#
  private static let title = #"<media:title type="plain">Second video</media:title>"#
  private static let thumbnail = #"<media:thumbnail url="https://cdn.example.com/video-2.jpg""#
  private static let player = #"<media:player url="https://example.com/videos/2/""#
  private static let subtitle = #"<media:subTitle type="text/vtt" lang="en-US" href="https://example.com/video-2.vtt"/>"#

  /// `content` with one attribute replaced.
  private static func content(_ attribute: String, _ old: String, _ new: String) -> ValidFeed.Edit {
    .mark(content, content.replacingOccurrences(of: #"\#(attribute)="\#(old)""#, with: #"\#(attribute)="\#(new)""#))
  }

  static let mediaCases: [BrokenFeed] = [
    .media(
      "MRSS-NS", .warning, "media URI without the trailing slash",
      .init(#"xmlns:media="http://search.yahoo.com/mrss/""#, #"xmlns:media="http://search.yahoo.com/mrss""#),
      .mark("<rss ")),
    .media(
      "MRSS-NS", .warning, "media prefix bound to another URI",
      .init(#"xmlns:media="http://search.yahoo.com/mrss/""#, #"xmlns:media="https://example.com/media""#),
      .mark("<rss ")),
    .media(
      "MRSS-CONTENT", .warning, "no url and no player",
      .init(#"<media:player url="https://example.com/videos/live/"/>"#, ""),
      .mark(#"<media:content medium="video" expression="nonstop"/>"#)),
    .media(
      "MRSS-CONTENT", .warning, "a relative url",
      .mark(content, #"<media:content url="video-2.mp4" fileSize="230675""#)),
    .media("MRSS-CONTENT", .warning, "a negative fileSize", content("fileSize", "230675", "-1")),
    .media("MRSS-CONTENT", .warning, "a fileSize with a unit", content("fileSize", "230675", "225 KB")),
    .media(
      "MRSS-CONTENT", .warning, "a duration as a clock time",
      .mark(content, content), .init(#"duration="9""#, #"duration="00:00:09""#)),
    .media(
      "MRSS-CONTENT", .warning, "a negative width", .mark(content, content), .init(#"width="640""#, #"width="-640""#)),
    .media(
      "MRSS-CONTENT", .warning, "a height in decimals",
      .mark(content, content), .init(#"height="360""#, #"height="360.5""#)),
    .media(
      "MRSS-CONTENT", .warning, "a bitrate with a unit",
      .mark(content, content), .init(#"bitrate="204.8""#, #"bitrate="204.8kbps""#)),
    .media(
      "MRSS-CONTENT", .warning, "medium movie (W3C InvalidMediaMedium)",
      .mark(content, content), .init(#"medium="video" isDefault="true" expression"#, #"medium="movie" isDefault="true" expression"#)),
    .media(
      "MRSS-CONTENT", .warning, "isDefault yes",
      .mark(content, content), .init(#"isDefault="true" expression"#, #"isDefault="yes" expression"#)),
    .media(
      "MRSS-CONTENT", .warning, "expression preview",
      .mark(content, content), .init(#"expression="full""#, #"expression="preview""#)),
    .media(
      "MRSS-CONTENT", .warning, "type is not MIME",
      .mark(content, content), .init(#"type="video/mp4" medium="video" isDefault"#, #"type="mp4" medium="video" isDefault"#)),
    .media(
      "MRSS-GROUP", .warning, "a group with no content",
      .init(group, ""),
      .init(#"<media:content url="https://cdn.example.com/video-1.mp4" type="video/mp4" medium="video" isDefault="true"/>"#, ""),
      .mark("<media:group>")),
    .media(
      "MRSS-GROUP", .warning, "two defaults in one group",
      .mark(group, group.replacingOccurrences(of: #"isDefault="false""#, with: #"isDefault="true""#))),
    .media(
      "MRSS-TITLE-DESC", .warning, "HTML in a plain title (W3C ContainsUndeclaredHTML)",
      .mark(title, #"<media:title type="plain">Second &lt;b&gt;video&lt;/b&gt;</media:title>"#)),
    .media(
      "MRSS-TITLE-DESC", .warning, "HTML in a title with no type",
      .mark("<media:title>First video</media:title>", "<media:title>First <i>video</i></media:title>")),
    .media(
      "MRSS-TITLE-DESC", .warning, "type text",
      .mark(#"<media:description type="html">"#, #"<media:description type="text">"#)),
    .media(
      "MRSS-THUMBNAIL", .warning, "no url",
      .mark(thumbnail, #"<media:thumbnail href="https://cdn.example.com/video-2.jpg""#)),
    .media(
      "MRSS-THUMBNAIL", .warning, "a relative url",
      .mark(#"<media:thumbnail url="https://example.com/channel.jpg"/>"#, #"<media:thumbnail url="/channel.jpg"/>"#)),
    .media(
      "MRSS-THUMBNAIL", .warning, "a width with a unit",
      .mark(thumbnail, thumbnail), .init(#"width="1280""#, #"width="1280px""#)),
    .media("MRSS-PLAYER", .info, "no url", .mark(player, #"<media:player href="https://example.com/videos/2/""#)),
    .media(
      "MRSS-PLAYER", .info, "a relative url", .mark(player, #"<media:player url="/videos/2/""#)),
    .media(
      "MRSS-SUBTITLE", .info, "no href",
      .mark(subtitle, #"<media:subTitle type="text/vtt" lang="en-US" url="https://example.com/video-2.vtt"/>"#)),
    .media(
      "MRSS-SUBTITLE", .info, "a language name instead of a tag",
      .mark(subtitle, subtitle.replacingOccurrences(of: "en-US", with: "English"))),
    .media(
      "MRSS-SUBTITLE", .info, "no lang",
      .mark(subtitle, subtitle.replacingOccurrences(of: #"lang="en-US" "#, with: ""))),
  ]
}

@Suite struct MediaRSSRuleTests {
  @Test(arguments: BrokenFeed.mediaCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  @Test(arguments: [FeedProfile.rss, .podcast])
  func aCorrectMediaFeedHasNoMediaFindings(profile: FeedProfile) {
    let findings = FeedLinter(profile: profile).lint(Data(ValidMediaFeed.text.utf8), file: "media.xml")
    #expect(findings.filter { $0.ruleID.hasPrefix("MRSS-") } == [])
    if profile == .rss { #expect(findings == []) }
  }

  /// Media RSS sets no minimum for a group (https://www.rssboard.org/media-rss#media-group): a
  /// group of one rendition is correct, though the W3C validator calls it an error.
  @Test func aGroupOfOneContentIsCorrect() {
    let webm = #"<media:content url="https://cdn.example.com/video-1.webm" type="video/webm" medium="video" isDefault="false"/>"#
    let (text, _) = ValidFeed.apply([.init(webm, "")], to: ValidMediaFeed.text)
    #expect(FeedLinter(profile: .rss).lint(Data(text.utf8), file: "media.xml") == [])
  }

  /// An undeclared prefix is one RSS-NS-DECLARED finding, not a Media RSS finding per element.
  @Test func mediaElementsUnderAnUndeclaredPrefixAreNotRead() {
    let (text, _) = ValidFeed.apply(
      [.init(#" xmlns:media="http://search.yahoo.com/mrss/""#, "")], to: ValidMediaFeed.text)
    let findings = FeedLinter(profile: .rss).lint(Data(text.utf8), file: "media.xml")
    #expect(findings.map(\.ruleID) == ["RSS-NS-DECLARED"])
  }

  /// A player on the channel holds for every item (MRSS-HIERARCHY); without it the content is broken.
  @Test func aChannelPlayerServesContentWithoutURL() {
    let moved: [ValidFeed.Edit] = [
      .init(#"<media:player url="https://example.com/videos/live/"/>"#, ""),
      .init(#"<media:thumbnail url="https://example.com/channel.jpg"/>"#,
            #"<media:thumbnail url="https://example.com/channel.jpg"/><media:player url="https://example.com/videos/live/"/>"#),
    ]
    let (text, _) = ValidFeed.apply(moved, to: ValidMediaFeed.text)
    #expect(FeedLinter(profile: .rss).lint(Data(text.utf8), file: "media.xml") == [])
    let (without, _) = ValidFeed.apply([moved[0]], to: ValidMediaFeed.text)
    #expect(FeedLinter(profile: .rss).lint(Data(without.utf8), file: "media.xml").map(\.ruleID) == ["MRSS-CONTENT"])
  }

  /// A content may play in a player given in its own item or group, or inside it.
  @Test func aContentWithoutURLMayUseAPlayerInsideIt() {
    let (text, _) = ValidFeed.apply(
      [
        .init(#"<media:player url="https://example.com/videos/live/"/>"#, ""),
        .init(
          #"<media:content medium="video" expression="nonstop"/>"#,
          #"<media:content medium="video"><media:player url="https://example.com/videos/live/"/></media:content>"#),
      ], to: ValidMediaFeed.text)
    #expect(FeedLinter(profile: .rss).lint(Data(text.utf8), file: "media.xml") == [])
  }
}
