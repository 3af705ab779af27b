import Foundation

/// A complete, correct podcast feed that every rule accepts, and a way to break it in one place.
///
/// Each `Edit` replaces the first occurrence of a snippet. A `1️⃣` in the replacement marks the
/// line the finding must point at; `broken(_:)` removes the marker and reports its line.
enum ValidFeed {
  static let text = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>Podium Test Show</title>
        <link>https://example.com/show</link>
        <description>A show about testing podcast feeds.</description>
        <language>en-us</language>
        <copyright>Example Media</copyright>
        <lastBuildDate>Sat, 15 Jun 2019 10:00:00 +0000</lastBuildDate>
        <atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>
        <itunes:author>Ada Example</itunes:author>
        <itunes:image href="https://example.com/cover.jpg"/>
        <itunes:category text="Technology"/>
        <itunes:category text="Education">
          <itunes:category text="How To"/>
        </itunes:category>
        <itunes:explicit>false</itunes:explicit>
        <itunes:type>episodic</itunes:type>
        <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
        <podcast:locked owner="ada@example.com">no</podcast:locked>
        <podcast:medium>podcast</podcast:medium>
        <podcast:funding url="https://example.com/support">Support the show</podcast:funding>
        <podcast:person role="host" href="https://example.com/ada">Ada Example</podcast:person>
        <podcast:license>CC-BY-4.0</podcast:license>
        <podcast:location geo="geo:52.37,4.89" country="NL">Amsterdam</podcast:location>
        <item>
          <title>Second episode</title>
          <link>https://example.com/episodes/2</link>
          <description><![CDATA[<p>Show notes with <a href="https://example.com/notes">a link</a>.</p>]]></description>
          <content:encoded><![CDATA[<p>Full notes with <a href="https://example.com/full">more</a>.</p>]]></content:encoded>
          <guid isPermaLink="false">c2d7a1e0-6f1b-4c44-9d1e-000000000002</guid>
          <pubDate>Sat, 15 Jun 2019 09:30:00 GMT</pubDate>
          <enclosure url="https://cdn.example.com/episode-2.mp3" length="24986239" type="audio/mpeg"/>
          <itunes:duration>1925</itunes:duration>
          <itunes:explicit>false</itunes:explicit>
          <itunes:episode>2</itunes:episode>
          <itunes:season>1</itunes:season>
          <itunes:episodeType>full</itunes:episodeType>
          <itunes:image href="https://example.com/episode-2.png"/>
          <podcast:season name="Basics">1</podcast:season>
          <podcast:episode>2</podcast:episode>
          <podcast:transcript url="https://example.com/episode-2.vtt" type="text/vtt"/>
          <podcast:chapters url="https://example.com/episode-2.json" type="application/json+chapters"/>
          <podcast:soundbite startTime="73.5" duration="60">A good bit</podcast:soundbite>
          <podcast:person role="guest" href="https://example.com/grace">Grace Example</podcast:person>
          <podcast:alternateEnclosure type="audio/opus" length="12000000" bitrate="64000" title="Opus">
            <podcast:source uri="https://cdn.example.com/episode-2.opus"/>
          </podcast:alternateEnclosure>
        </item>
        <item>
          <title>First episode</title>
          <link>https://example.com/episodes/1</link>
          <description><![CDATA[<p>The first show notes.</p>]]></description>
          <guid isPermaLink="false">c2d7a1e0-6f1b-4c44-9d1e-000000000001</guid>
          <pubDate>Sun, 06 Jul 2014 13:00:00 +0000</pubDate>
          <enclosure url="https://cdn.example.com/episode-1.m4a" length="12345678" type="audio/x-m4a"/>
          <itunes:duration>1:02:03</itunes:duration>
          <itunes:episode>1</itunes:episode>
        </item>
      </channel>
    </rss>
    """

  /// One replacement of the first occurrence of `old` by `new`.
  struct Edit: Sendable {
    let old: String
    let new: String

    init(_ old: String, _ new: String) {
      self.old = old
      self.new = new
    }
  }

  /// The valid feed with the edits applied, and the line of the `1️⃣` marker (if any).
  static func broken(_ edits: [Edit]) -> (text: String, line: Int?) { apply(edits, to: Self.text) }

  /// Any valid document with the edits applied, and the line of the `1️⃣` marker (if any).
  static func apply(_ edits: [Edit], to valid: String) -> (text: String, line: Int?) {
    var text = valid
    for edit in edits {
      guard let range = text.range(of: edit.old) else {
        preconditionFailure("snippet not in the valid document: \(edit.old)")
      }
      text.replaceSubrange(range, with: edit.new)
    }
    guard let marker = text.range(of: "1️⃣") else { return (text, nil) }
    let line = text[..<marker.lowerBound].filter { $0 == "\n" }.count + 1
    text.removeSubrange(marker)
    return (text, line)
  }
}
