import Diagnostics
import FeedRules
import Foundation
import Testing

extension BrokenFeed {
  private static let guid = "<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>"
  private static let funding = #"<podcast:funding url="https://example.com/support">Support the show</podcast:funding>"#
  private static let transcript = #"<podcast:transcript url="https://example.com/episode-2.vtt" type="text/vtt"/>"#
  private static let source = #"<podcast:source uri="https://cdn.example.com/episode-2.opus"/>"#
  private static let person =
    #"<podcast:person role="guest" href="https://example.com/grace">Grace Example</podcast:person>"#

  /// Adds `text` as a marked channel element before `<podcast:funding>`.
  private static func inChannel(_ text: String) -> ValidFeed.Edit { .mark(funding, text + "\n    " + funding) }

  /// Adds `text` as a marked item element before the first item's transcript.
  private static func inItem(_ text: String) -> ValidFeed.Edit { .mark(transcript, text + "\n      " + transcript) }

  static let podcastCases: [BrokenFeed] = [
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "funding without url", .mark(funding, "<podcast:funding>Support</podcast:funding>")),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "transcript without type",
      .mark(transcript, #"<podcast:transcript url="https://example.com/2.vtt"/>"#)),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "chapters without type",
      inItem(#"<podcast:chapters url="https://example.com/c.json"/>"#)),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "alternateEnclosure without type",
      .mark(#"<podcast:alternateEnclosure type="audio/opus""#, "<podcast:alternateEnclosure")),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "custom licence without url",
      .mark("<podcast:license>CC-BY-4.0", "<podcast:license>My Own Licence")),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "remoteItem without feedGuid",
      inChannel(#"<podcast:podroll><podcast:remoteItem feedUrl="https://example.com/f.xml"/></podcast:podroll>"#)),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "listed licence id in another case, so a custom licence without url",
      .mark("<podcast:license>CC-BY-4.0", "<podcast:license>cc-by-4.0")),
    BrokenFeed(
      "P20-HTTPS", .error, "http transcript",
      .mark(transcript, #"<podcast:transcript url="http://example.com/episode-2.vtt" type="text/vtt"/>"#)),
    BrokenFeed(
      "P20-LEN-128", .warning, "funding label over 128",
      .mark(
        funding,
        #"<podcast:funding url="https://example.com/support">\#(String(repeating: "a", count: 129))</podcast:funding>"#)
    ),
    BrokenFeed(
      "P20-UNKNOWN-ATTR", .warning, "misspelt attribute",
      .mark(transcript, #"<podcast:transcript url="https://example.com/2.vtt" type="text/vtt" lang="en"/>"#)),
    BrokenFeed("P20-UNKNOWN-ATTR", .warning, "unknown tag", inChannel("<podcast:social>x</podcast:social>")),
    BrokenFeed(
      "P20-GUID-FORMAT", .warning, "upper-case guid",
      .mark(guid, "<podcast:guid>917393E3-1B1E-5CEF-ACE4-EDAA54E1F810</podcast:guid>")),
    BrokenFeed(
      "P20-GUID-FORMAT", .warning, "version 4 guid",
      .mark(guid, "<podcast:guid>917393e3-1b1e-4cef-ace4-edaa54e1f810</podcast:guid>")),
    BrokenFeed("P20-GUID-FORMAT", .warning, "not a UUID", .mark(guid, "<podcast:guid>podium-test-show</podcast:guid>")),
    BrokenFeed(
      "P20-LOCKED", .warning, "locked Yes",
      .mark(#"<podcast:locked owner="ada@example.com">no"#, #"<podcast:locked owner="ada@example.com">Yes"#)),
    BrokenFeed("P20-BLOCK", .info, "block maybe", inChannel("<podcast:block>maybe</podcast:block>")),
    BrokenFeed("P20-BLOCK", .info, "unknown service", inChannel(#"<podcast:block id="myspace">yes</podcast:block>"#)),
    BrokenFeed("P20-MEDIUM", .info, "unknown medium", .mark("<podcast:medium>podcast", "<podcast:medium>radio")),
    BrokenFeed(
      "P20-TXT", .info, "txt over 4000", inChannel("<podcast:txt>\(String(repeating: "t", count: 4001))</podcast:txt>")),
    BrokenFeed(
      "P20-PERSON", .warning, "role outside the taxonomy",
      .mark(person, #"<podcast:person role="boss">Grace</podcast:person>"#)),
    BrokenFeed(
      "P20-PERSON", .warning, "group outside the taxonomy",
      .mark(person, #"<podcast:person group="band">Grace</podcast:person>"#)),
    BrokenFeed("P20-PERSON", .warning, "empty name", .mark(person, #"<podcast:person role="Guest"> </podcast:person>"#)),
    BrokenFeed("P20-LOCATION", .info, "three-letter country", .mark(#"country="NL""#, #"country="NLD""#)),
    BrokenFeed(
      "P20-TRANSCRIPT", .info, "type not MIME",
      .mark(transcript, #"<podcast:transcript url="https://example.com/2.vtt" type="vtt"/>"#)),
    BrokenFeed(
      "P20-TRANSCRIPT", .info, "no language of its own nor the channel's",
      .init("<language>en-us</language>", ""), .mark(transcript, transcript)),
    BrokenFeed(
      "P20-CHAPTERS", .info, "plain JSON type", .mark(#"type="application/json+chapters""#, #"type="application/json""#)
    ),
    BrokenFeed("P20-SOUNDBITE", .info, "start time not a number", .mark(#"startTime="73.5""#, #"startTime="1:13""#)),
    BrokenFeed(
      "P20-SEASON", .info, "season in words",
      .mark(#"<podcast:season name="Basics">1"#, #"<podcast:season name="Basics">one"#)),
    BrokenFeed("P20-EPISODE", .info, "episode in words", .mark("<podcast:episode>2", "<podcast:episode>two")),
    BrokenFeed(
      "P20-ALTENC", .info, "alternate enclosure without source",
      .init(#"<podcast:source uri="https://cdn.example.com/episode-2.opus"/>"#, ""),
      .mark("<podcast:alternateEnclosure")),
    BrokenFeed(
      "P20-INTEGRITY", .warning, "integrity type md5",
      .mark(source, #"<podcast:integrity type="md5" value="d41d8cd98f00b204e9800998ecf8427e"/>"# + source)),
    BrokenFeed(
      "P20-INTEGRITY", .warning, "SRI hash of the wrong length",
      .mark(source, #"<podcast:integrity type="sri" value="sha384-d41d8cd98f00b204e9800998ecf8427e"/>"# + source)),
    BrokenFeed(
      "P20-ATTR-REQUIRED", .warning, "content link without href",
      inItem("<podcast:contentLink>Watch it on video</podcast:contentLink>")),
    BrokenFeed(
      "P20-IMAGE", .info, "aspect ratio in words",
      inChannel(#"<podcast:image href="https://example.com/wide.jpg" aspect-ratio="wide"/>"#)),
    BrokenFeed(
      "P20-IMAGE", .info, "width with a unit", inItem(#"<podcast:image href="https://example.com/a.jpg" width="1400px"/>"#)),
    BrokenFeed(
      "P20-REMOTEITEM", .warning, "podroll by name, not feed GUID",
      inChannel(#"<podcast:podroll><podcast:remoteItem feedGuid="partner-show"/></podcast:podroll>"#)),
    BrokenFeed(
      "P20-REMOTEITEM", .warning, "unknown medium",
      inChannel(
        #"<podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f811" medium="radio"/></podcast:podroll>"#
      )),
    BrokenFeed(
      "P20-PUBLISHER", .info, "publisher without medium publisher",
      inChannel(#"<podcast:publisher><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f811"/></podcast:publisher>"#)),
    BrokenFeed(
      "P20-SOUNDBITE", .info, "soundbite after the end of a 1925-second episode",
      .mark(#"<podcast:soundbite startTime="73.5""#, #"<podcast:soundbite startTime="1900""#)),
    BrokenFeed(
      "P20-SOUNDBITE", .info, "soundbite of no length",
      .mark(#"<podcast:soundbite startTime="73.5" duration="60""#, #"<podcast:soundbite startTime="73.5" duration="0""#)),
    BrokenFeed(
      "P20-VALUE", .info, "value without recipients", inChannel(#"<podcast:value type="lightning" method="keysend"/>"#)),
    BrokenFeed(
      "P20-VALUE", .info, "time split with neither recipients nor remote item",
      inItem(
        #"<podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02abc" split="100"/>"#
          + #"<podcast:valueTimeSplit startTime="60" duration="30"/></podcast:value>"#)),
    BrokenFeed(
      "P20-VALUE", .info, "remote percentage over 100",
      inItem(
        #"<podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02abc" split="100"/>"#
          + #"<podcast:valueTimeSplit startTime="60" duration="30" remotePercentage="150"><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f811"/></podcast:valueTimeSplit></podcast:value>"#
      )),
    BrokenFeed(
      "P20-LIVEITEM", .info, "live item start not ISO 8601",
      inChannel(
        #"<podcast:liveItem status="pending" start="Sat, 01 Feb 2025 20:00:00 +0100"><title>Live</title><guid>l</guid><enclosure url="https://example.com/live.mp3" length="0" type="audio/mpeg"/><podcast:contentLink href="https://example.com/live">Listen</podcast:contentLink></podcast:liveItem>"#
      )),
    BrokenFeed(
      "P20-LIVEITEM", .info, "live item without enclosure",
      inChannel(
        #"<podcast:liveItem status="pending" start="2025-02-01T20:00:00+01:00"><title>Live</title><guid>l</guid><podcast:contentLink href="https://example.com/live">Listen</podcast:contentLink></podcast:liveItem>"#
      )),
    BrokenFeed(
      "P20-TRAILER", .info, "trailer season in words",
      inChannel(
        #"<podcast:trailer url="https://example.com/t.mp3" pubdate="Thu, 01 Apr 2021 08:00:00 +0200" season="four">Trailer</podcast:trailer>"#
      )),
    BrokenFeed(
      "P20-LIVEITEM", .info, "live item status",
      inChannel(
        #"<podcast:liveItem status="running" start="2024-01-01T10:00:00Z"><podcast:contentLink href="https://example.com/live">Watch</podcast:contentLink></podcast:liveItem>"#
      )),
    BrokenFeed(
      "P20-TRAILER", .info, "trailer date",
      inChannel(#"<podcast:trailer url="https://example.com/t.mp3" pubdate="2024-01-01">Trailer</podcast:trailer>"#)),
    BrokenFeed(
      "P20-VALUE", .info, "customKey alone",
      inChannel(
        #"<podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02abc" split="100" customKey="7"/></podcast:value>"#
      )),
    BrokenFeed(
      "P20-VALUE", .info, "split in words",
      inChannel(
        #"<podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02abc" split="abc"/></podcast:value>"#
      )),
    BrokenFeed(
      "P20-VALUE", .info, "fee yes",
      inChannel(
        #"<podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02abc" split="5" fee="yes"/></podcast:value>"#
      )),
    BrokenFeed("P20-PODPING", .info, "usesPodping maybe", inChannel(#"<podcast:podping usesPodping="maybe"/>"#)),
    BrokenFeed(
      "P20-UPDATEFREQ", .info, "rrule garbage",
      inChannel(#"<podcast:updateFrequency rrule="garbage">Weekly</podcast:updateFrequency>"#)),
    BrokenFeed(
      "P20-UPDATEFREQ", .info, "COUNT without dtstart",
      inChannel(#"<podcast:updateFrequency rrule="FREQ=WEEKLY;COUNT=10">Ten weeks</podcast:updateFrequency>"#)),
    BrokenFeed(
      "P20-UPDATEFREQ", .info, "complete yes",
      inChannel(#"<podcast:updateFrequency complete="yes">Done</podcast:updateFrequency>"#)),
    BrokenFeed(
      "P20-SOCIALINTERACT", .info, "unknown protocol",
      inItem(#"<podcast:socialInteract protocol="myspace" uri="https://example.com/p"/>"#)),
    BrokenFeed(
      "P20-CHAT", .info, "unknown chat protocol", inChannel(#"<podcast:chat server="example.com" protocol="slack"/>"#)),
    BrokenFeed(
      "P20-IMAGES-DEPRECATED", .warning, "podcast:images",
      inChannel(#"<podcast:images srcset="https://example.com/a.jpg 1500w"/>"#)),
    BrokenFeed("P20-PODROLL", .info, "empty podroll", inChannel("<podcast:podroll></podcast:podroll>")),
    BrokenFeed(
      "P20-PUBLISHER", .info, "two publishers",
      inChannel(
        #"<podcast:publisher><podcast:remoteItem feedGuid="a"/><podcast:remoteItem feedGuid="b"/></podcast:publisher>"#)
    ),
  ]
}

@Suite struct PodcastNamespaceRuleTests {
  @Test(arguments: BrokenFeed.podcastCases)
  func reportsTheBrokenRule(_ feed: BrokenFeed) { feed.expectFinding() }

  /// The update-frequency examples of the namespace
  /// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/update-frequency.md)
  /// pass, and rules that break RFC 5545's grammar in one place do not.
  @Test(arguments: [
    ("FREQ=DAILY", true), ("FREQ=WEEKLY;INTERVAL=2", true), ("FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR", true),
    ("FREQ=WEEKLY;BYDAY=FR;BYMONTHDAY=13", true), ("FREQ=YEARLY;BYDAY=+4TH;BYMONTH=11", true),
    ("FREQ=WEEKLY;UNTIL=2023-12-31T00:00:00.000Z;BYDAY=MO", true), ("freq=monthly;bymonthday=-1", true),
    ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR;UNTIL=20241231T235959Z;WKST=SU", true),
    ("garbage", false), ("FREQ=FORTNIGHTLY", false), ("INTERVAL=2;FREQ=WEEKLY", false), ("FREQ=WEEKLY;INTERVAL=0", false),
    ("FREQ=WEEKLY;INTERVAL=two", false), ("FREQ=WEEKLY;BYDAY=XX", false), ("FREQ=WEEKLY;BYDAY=+54MO", false),
    ("FREQ=WEEKLY;BYMONTH=13", false), ("FREQ=WEEKLY;BYHOUR=24", false), ("FREQ=DAILY;UNTIL=2024;COUNT=3", false),
    ("FREQ=DAILY;UNTIL=tomorrow", false), ("FREQ=DAILY;FREQ=WEEKLY", false), ("FREQ=DAILY;", false),
    ("FREQ=DAILY;BYDAY=", false), ("FREQ=DAILY;COLOR=RED", false), ("FREQ=DAILY;BYMONTHDAY=99999999999999999999", false),
  ])
  func recurrenceRulesFollowRFC5545(rule: String, valid: Bool) {
    let (text, _) = ValidFeed.broken([
      .init(
        "<podcast:medium>",
        #"<podcast:updateFrequency rrule="\#(rule)" dtstart="2023-08-28T00:00:00.000Z">Often</podcast:updateFrequency><podcast:medium>"#)
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f").filter { $0.ruleID == "P20-UPDATEFREQ" }
    #expect(findings.isEmpty == valid, "\(findings)")
  }

  /// The tags Podium writes from the catalogue, in the form of the namespace's own examples, add no finding.
  @Test func theNamespacesExamplesPass() {
    let channel = #"""
      <podcast:image href="https://example.com/art.jpg" alt="An antenna" aspect-ratio="1/1" width="3000" purpose="artwork"/>
      <podcast:image href="https://example.com/wide.jpg" aspect-ratio="16/9" width="1920" height="1080" type="image/jpeg" purpose="social banner"/>
      <podcast:block>no</podcast:block>
      <podcast:block id="google">yes</podcast:block>
      <podcast:updateFrequency rrule="FREQ=WEEKLY;BYDAY=TH" dtstart="2024-02-22T09:00:00+01:00">Weekly</podcast:updateFrequency>
      <podcast:trailer url="https://example.com/t.mp3" pubdate="Thu, 01 Apr 2021 08:00:00 +0200" length="12345678" type="audio/mpeg" season="2">Season 2</podcast:trailer>
      <podcast:publisher><podcast:remoteItem medium="publisher" feedGuid="003af0a0-6a45-55cf-b765-68e3d349551a" feedUrl="https://example.com/publisher.xml"/></podcast:publisher>
      <podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f811" feedUrl="https://example.com/other.xml" title="Another show"/></podcast:podroll>
      <podcast:chat server="example.com" protocol="matrix" accountId="@bob:example.com" space="#general:example.com"/>
      <podcast:value type="lightning" method="keysend" suggested="0.00000005000"><podcast:valueRecipient name="Alice" type="node" address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52" split="95"/><podcast:valueRecipient name="Host" type="node" address="03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a" split="5" fee="true"/></podcast:value>
      <podcast:socialInteract priority="1" protocol="activitypub" uri="https://example.com/@dave/1" accountId="@dave" accountUrl="https://example.com/@dave"/>
      """#
    let item = #"""
      <podcast:image href="https://example.com/ep.jpg" aspect-ratio="1/1" purpose="artwork"/>
      <podcast:contentLink href="https://example.com/video">Watch it</podcast:contentLink>
      <podcast:socialInteract protocol="disabled"/>
      <podcast:value type="lightning" method="keysend"><podcast:valueRecipient type="node" address="02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52" split="90"/><podcast:valueTimeSplit startTime="60" duration="237" remotePercentage="95"><podcast:remoteItem itemGuid="https://podcastindex.org/podcast/4148683#1" feedGuid="a94f5cc9-8c58-55fc-91fe-a324087a655b" medium="music"/></podcast:valueTimeSplit><podcast:valueTimeSplit startTime="300" duration="60.5"><podcast:valueRecipient type="node" address="02dd306e68c46681aa21d88a436fb35355a8579dd30201581cefa17cb179fc4c15" split="10"/></podcast:valueTimeSplit></podcast:value>
      <podcast:alternateEnclosure type="audio/mpeg" length="12000" default="true"><podcast:source uri="https://example.com/a.mp3"/><podcast:integrity type="sri" value="sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"/></podcast:alternateEnclosure>
      """#
    let funding = #"<podcast:funding url="https://example.com/support">Support the show</podcast:funding>"#
    let transcript = #"<podcast:transcript url="https://example.com/episode-2.vtt" type="text/vtt"/>"#
    // A live item, as Podium writes it, comes after the other channel elements (RSS-CH-ORDER).
    let live = #"""
      <podcast:liveItem status="pending" start="2025-02-01T20:00:00+01:00" end="2025-02-01T21:00:00+01:00"><title>Live</title><guid isPermaLink="false">live-1</guid><enclosure url="https://example.com/live.mp3" length="0" type="audio/mpeg"/><podcast:contentLink href="https://example.com/live">Listen live</podcast:contentLink></podcast:liveItem>
      """#
    let (text, _) = ValidFeed.broken([
      .init(funding, channel + funding), .init(transcript, item + transcript), .init("<item>", live + "<item>"),
    ])
    #expect(FeedLinter().lint(Data(text.utf8), file: "f") == [])
  }

  /// Soundbites are compared with any itunes:duration, however large, and a hostile one is reported, not a crash.
  @Test(arguments: [("99999999999999999999999", false), ("60", true)])
  func soundbitesAgainstAnyDuration(duration: String, reported: Bool) {
    let (text, _) = ValidFeed.broken([
      .init("<itunes:duration>1925</itunes:duration>", "<itunes:duration>\(duration)</itunes:duration>"),
      .init(#"<podcast:soundbite startTime="73.5" duration="60">"#, #"<podcast:soundbite startTime="1e21" duration="60">"#),
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f").filter { $0.ruleID == "P20-SOUNDBITE" }
    #expect(findings.isEmpty != reported, "\(findings)")
  }

  @Test(arguments: ["ARR", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-NC-ND-4.0", "POD-V4V-1.0"])
  func listedLicencesNeedNoURL(id: String) {
    let (text, _) = ValidFeed.broken([.init("<podcast:license>CC-BY-4.0", "<podcast:license>\(id)")])
    #expect(FeedLinter().lint(Data(text.utf8), file: "f") == [])
  }

  @Test func readsThePodcastNamespaceUnderAnyPrefix() {
    let (text, _) = ValidFeed.broken([
      .init(
        "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"",
        "xmlns:p20=\"https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md\""),
      .init("<podcast:medium>podcast</podcast:medium>", "<p20:medium>radio</p20:medium>"),
    ])
    let findings = FeedLinter().lint(Data(text.utf8), file: "f")
    #expect(findings.contains { $0.ruleID == "P20-MEDIUM" })
    #expect(!findings.contains { $0.ruleID == "RSS-NS-PODCAST" })
  }
}
