import Foundation
import PodiumTestSupport

/// Feeds in the shapes producers move from, written here after public feeds of each kind, with
/// their chapters and transcripts served by a real server on 127.0.0.1 (`base`).
enum FeedCorpus {
  struct Feed: Sendable, CustomStringConvertible {
    var name: String
    var xml: String
    /// Files the feed links to, by path on the test server.
    var served: [String: (text: String, type: String)]

    var description: String { name }
  }

  static func all(base: String) -> [Feed] {
    [hosting(base: base), podlove(), podcasting20(base: base), video(), htmlNotes()]
  }

  /// A hosting service's feed: standard namespaces, GUIDs that are not permalinks, H:MM:SS
  /// durations, seasons and trailers, episode art, JSON chapters and SRT transcripts.
  static func hosting(base: String) -> Feed {
    Feed(
      name: "hosting",
      xml: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
          <atom:link href="https://feeds.host.test/buurtgesprekken.rss" rel="self" type="application/rss+xml"/>
          <title>Buurtgesprekken</title>
          <link>https://buurt.podium.test/</link>
          <language>nl-BE</language>
          <copyright>© 2022 Buurtradio</copyright>
          <description><![CDATA[<p>Gesprekken in de <em>buurt</em>.</p>]]></description>
          <itunes:author>Buurtradio</itunes:author>
          <itunes:owner><itunes:name>Buurtradio</itunes:name><itunes:email>info@buurt.podium.test</itunes:email></itunes:owner>
          <itunes:image href="https://media.host.test/art/show.jpg"/>
          <itunes:category text="Society &amp; Culture"><itunes:category text="Documentary"/></itunes:category>
          <itunes:category text="Government"/>
          <itunes:explicit>false</itunes:explicit>
          <itunes:type>episodic</itunes:type>
          <generator>Host 3.1</generator>
          <item>
            <title>Trailer</title>
            <guid isPermaLink="false">Buzz-0001</guid>
            <pubDate>Mon, 02 Jan 2023 06:00:00 -0500</pubDate>
            <enclosure url="https://media.host.test/ep/0001.mp3" length="1200345" type="audio/mpeg"/>
            <itunes:duration>00:01:30</itunes:duration>
            <itunes:episodeType>trailer</itunes:episodeType>
            <itunes:season>1</itunes:season>
            <description><![CDATA[<p>Wat komt er?</p>]]></description>
          </item>
          <item>
            <title>Het plein</title>
            <guid isPermaLink="false">Buzz-0002</guid>
            <pubDate>Mon, 09 Jan 2023 06:00:00 -0500</pubDate>
            <enclosure url="https://media.host.test/ep/0002.mp3?source=feed" length="48213344" type="audio/mpeg"/>
            <itunes:duration>1:02:03</itunes:duration>
            <itunes:season>1</itunes:season>
            <itunes:episode>1</itunes:episode>
            <itunes:explicit>true</itunes:explicit>
            <itunes:image href="https://media.host.test/art/0002.jpg"/>
            <podcast:chapters url="\(base)/chapters/0002.json" type="application/json+chapters"/>
            <podcast:transcript url="\(base)/transcripts/0002.srt" type="application/x-subrip" language="nl"/>
            <description><![CDATA[<p>Over het <strong>plein</strong> en <a href="https://buurt.podium.test/plein">de plannen</a>.</p>]]></description>
          </item>
          <item>
            <title>Straten</title>
            <guid isPermaLink="false">Buzz-0003</guid>
            <pubDate>Mon, 16 Jan 2023 06:00:00 -0500</pubDate>
            <enclosure url="https://media.host.test/ep/0003.mp3" length="30211000" type="audio/mpeg"/>
            <itunes:duration>2712</itunes:duration>
            <itunes:season>1</itunes:season>
            <itunes:episode>2</itunes:episode>
            <description>Gewoon tekst, zonder opmaak.</description>
          </item>
        </channel>
        </rss>
        """,
      served: [
        "/chapters/0002.json": (
          #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"},{"startTime":95.5,"title":"Het plein","url":"https://buurt.podium.test/plein"},{"startTime":1800,"title":"Verborgen","toc":false}]}"#,
          "application/json"
        ),
        "/transcripts/0002.srt": ("1\n00:00:00,000 --> 00:00:02,000\nWelkom.\n", "application/x-subrip"),
      ])
  }

  /// WordPress with Podlove Publisher: permalink GUIDs, HTML notes in content:encoded, Podlove
  /// Simple Chapters, and the old capitalised itunes and GitHub podcast namespace URIs.
  static func podlove() -> Feed {
    Feed(
      name: "podlove",
      xml: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:psc="http://podlove.org/simple-chapters" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md">
        <channel>
          <title>Technik &amp; Tee</title>
          <link>https://tee.podium.test</link>
          <description>Ein Podcast über Technik.</description>
          <language>de-DE</language>
          <atom:link href="https://tee.podium.test/feed/mp3/" rel="self" type="application/rss+xml"/>
          <itunes:author>Tee Team</itunes:author>
          <itunes:image href="https://tee.podium.test/wp-content/cover.png"/>
          <itunes:category text="Technology"/>
          <itunes:explicit>no</itunes:explicit>
          <item>
            <title>TT001 Anfang</title>
            <link>https://tee.podium.test/tt001-anfang/</link>
            <guid>https://tee.podium.test/?p=12</guid>
            <pubDate>Sat, 04 Mar 2023 18:30:00 +0000</pubDate>
            <enclosure url="https://tee.podium.test/podlove/file/1/s/feed/c/mp3/tt001.mp3" length="5123456" type="audio/mpeg"/>
            <itunes:duration>00:45:12</itunes:duration>
            <itunes:episode>1</itunes:episode>
            <description><![CDATA[Wir fangen an.]]></description>
            <content:encoded><![CDATA[<h3>Shownotes</h3><ul><li><a href="https://swift.podium.test/">Swift</a></li><li>Tee, <em>grün</em></li></ul><p>Danke fürs Zuhören!</p>]]></content:encoded>
            <psc:chapters version="1.2">
              <psc:chapter start="00:00:00.000" title="Begrüßung"/>
              <psc:chapter start="00:03:12.250" title="Swift" href="https://swift.podium.test/"/>
              <psc:chapter start="00:40:00" title="Verabschiedung"/>
            </psc:chapters>
          </item>
          <item>
            <title>TT002 Weiter</title>
            <link>https://tee.podium.test/tt002-weiter/</link>
            <guid>https://tee.podium.test/?p=20</guid>
            <pubDate>Sat, 18 Mar 2023 18:30:00 +0100</pubDate>
            <enclosure url="https://tee.podium.test/podlove/file/2/s/feed/c/mp3/tt002.mp3" length="6123456" type="audio/mpeg"/>
            <itunes:duration>50:00</itunes:duration>
            <itunes:episode>2</itunes:episode>
            <content:encoded><![CDATA[<p>Weiter <b>geht's</b>.</p>]]></content:encoded>
          </item>
        </channel>
        </rss>
        """,
      served: [:])
  }

  /// A feed that uses Podcasting 2.0 fully: its own podcast:guid, persons, alternate
  /// enclosures with integrity, transcripts of several types, JSON chapters, location, license,
  /// funding, images, podroll, publisher, chat, social interaction, a trailer, a live item,
  /// soundbites, content links and value with time splits; and a few the catalogue can't hold
  /// (a podroll entry without a feed GUID, an alternate's bitrate).
  static func podcasting20(base: String) -> Feed {
    Feed(
      name: "podcasting20",
      xml: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
        <channel>
          <title>Open Waves</title>
          <link>https://waves.podium.test/</link>
          <description>Independent radio about open standards.</description>
          <language>en</language>
          <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
          <podcast:locked owner="host@waves.podium.test">yes</podcast:locked>
          <podcast:funding url="https://waves.podium.test/support">Support the show</podcast:funding>
          <podcast:license>CC-BY-4.0</podcast:license>
          <podcast:location geo="geo:51.05,3.72" osm="R1234">Gent</podcast:location>
          <podcast:person role="host" href="https://waves.podium.test/ana">Ana Lima</podcast:person>
          <podcast:value type="lightning" method="keysend"><podcast:valueRecipient name="Ana" type="node" address="02abc" split="100"/></podcast:value>
          <podcast:image href="https://waves.podium.test/art.png" alt="Blue waves on white" aspect-ratio="1/1" purpose="artwork"/>
          <podcast:image href="https://waves.podium.test/banner.jpg" aspect-ratio="3/1" width="1500" height="500" type="image/jpeg" purpose="banner"/>
          <podcast:updateFrequency rrule="FREQ=MONTHLY;BYMONTHDAY=15" dtstart="2024-01-15T14:00:00+01:00">Every month</podcast:updateFrequency>
          <podcast:podroll>
            <podcast:remoteItem feedGuid="bed1bdd6-15f2-5987-8d5f-0bda6497504d" feedUrl="https://other.podium.test/feed.xml" title="Other Waves"/>
            <podcast:remoteItem feedGuid="not-a-guid" feedUrl="https://broken.podium.test/feed.xml"/>
          </podcast:podroll>
          <podcast:publisher><podcast:remoteItem feedGuid="db441668-15c2-5247-854b-20fb18388456" feedUrl="https://pub.podium.test/publisher.xml" medium="publisher"/></podcast:publisher>
          <podcast:chat server="irc.libera.chat" protocol="irc" accountId="@waves" space="#openwaves"/>
          <podcast:socialInteract protocol="activitypub" uri="https://social.podium.test/@waves/1" accountId="@waves@social.podium.test" accountUrl="https://social.podium.test/@waves" priority="1"/>
          <podcast:block id="google">yes</podcast:block>
          <podcast:trailer url="https://cdn.waves.podium.test/trailer-3.mp3" pubdate="Mon, 01 Apr 2024 10:00:00 +0200" length="500000" type="audio/mpeg" season="3">Season three</podcast:trailer>
          <podcast:txt purpose="applepodcastsverify">1f2e3d4c</podcast:txt>
          <podcast:liveItem status="pending" start="2031-02-01T20:00:00+01:00" end="2031-02-01T21:00:00+01:00">
            <title>Live from the studio</title>
            <guid isPermaLink="false">ow-live-1</guid>
            <enclosure url="https://live.waves.podium.test/stream.mp3" type="audio/mpeg" length="0"/>
            <podcast:contentLink href="https://waves.podium.test/live">Listen live</podcast:contentLink>
          </podcast:liveItem>
          <itunes:author>Open Waves</itunes:author>
          <itunes:image href="https://waves.podium.test/art.png"/>
          <itunes:category text="Technology"/>
          <itunes:explicit>false</itunes:explicit>
          <item>
            <title>Feeds forever</title>
            <guid isPermaLink="false">ow-2024-05</guid>
            <pubDate>Wed, 15 May 2024 14:00:00 +0200</pubDate>
            <enclosure url="https://cdn.waves.podium.test/ow-2024-05.mp3" length="22334455" type="audio/mpeg"/>
            <itunes:duration>1860</itunes:duration>
            <podcast:season>3</podcast:season>
            <podcast:episode>5</podcast:episode>
            <podcast:person role="guest" href="https://waves.podium.test/ben">Ben Ode</podcast:person>
            <podcast:alternateEnclosure type="audio/mpeg" length="22334455" default="true">
              <podcast:source uri="https://cdn.waves.podium.test/ow-2024-05.mp3"/>
              <podcast:integrity type="sri" value="sha384-KzeE1ubPwwZSqJq6asaFFf+/vRFtEmdM/bTgFucc35s2HzXpwT+NMl51fubAJRR0"/>
            </podcast:alternateEnclosure>
            <podcast:alternateEnclosure type="audio/opus" length="9000000" bitrate="64000" title="Opus">
              <podcast:source uri="https://cdn.waves.podium.test/ow-2024-05.opus"/>
              <podcast:integrity type="sri" value="sha384-47f9mEyDuLnGX0u45Pv7gHpCs7+bHTfN3yMZF7XuC9WqPEdtj194BczFhJ3oEsME"/>
            </podcast:alternateEnclosure>
            <podcast:transcript url="\(base)/t/ow-2024-05.vtt" type="text/vtt" language="en" rel="captions"/>
            <podcast:transcript url="\(base)/t/ow-2024-05.json" type="application/json" language="en"/>
            <podcast:chapters url="\(base)/c/ow-2024-05.json" type="application/json+chapters"/>
            <podcast:soundbite startTime="120.5" duration="45">The best bit</podcast:soundbite>
            <podcast:soundbite startTime="900" duration="30"/>
            <podcast:location geo="geo:50.85,4.35">Brussel</podcast:location>
            <podcast:contentLink href="https://video.podium.test/ow-2024-05">Watch the recording</podcast:contentLink>
            <podcast:socialInteract protocol="activitypub" uri="https://social.podium.test/@waves/5"/>
            <podcast:image href="https://waves.podium.test/ow-2024-05-social.jpg" aspect-ratio="16/9" purpose="social"/>
            <podcast:value type="lightning" method="keysend" suggested="0.00000005000">
              <podcast:valueRecipient name="Ana" type="node" address="02abc" split="90"/>
              <podcast:valueRecipient name="Ben" type="node" address="03def" split="10" customKey="696969" customValue="ben01"/>
              <podcast:valueTimeSplit startTime="600" duration="120" remotePercentage="90">
                <podcast:remoteItem feedGuid="2064ae11-0bc8-51e6-bf03-f9cfcfeb2a98" itemGuid="song-1"/>
              </podcast:valueTimeSplit>
            </podcast:value>
            <description><![CDATA[<p>Why RSS stays.</p>]]></description>
          </item>
          <item>
            <title>Gone missing</title>
            <guid isPermaLink="false">ow-2024-06</guid>
            <pubDate>Sat, 15 Jun 2024 14:00:00 +0200</pubDate>
            <enclosure url="https://cdn.waves.podium.test/ow-2024-06.mp3" length="1000" type="audio/mpeg"/>
            <itunes:duration>61</itunes:duration>
            <podcast:season>3</podcast:season>
            <podcast:episode>6</podcast:episode>
            <podcast:transcript url="\(base)/t/missing.vtt" type="text/vtt"/>
            <description>Short.</description>
          </item>
          <item>
            <title>Season three</title>
            <guid isPermaLink="false">ow-trailer-3</guid>
            <pubDate>Mon, 01 Apr 2024 10:00:00 +0200</pubDate>
            <enclosure url="https://cdn.waves.podium.test/trailer-3.mp3" length="500000" type="audio/mpeg"/>
            <itunes:duration>60</itunes:duration>
            <itunes:episodeType>trailer</itunes:episodeType>
            <itunes:season>3</itunes:season>
            <description>What comes.</description>
          </item>
        </channel>
        </rss>
        """,
      served: [
        "/t/ow-2024-05.vtt": ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n", "text/vtt"),
        "/t/ow-2024-05.json": (#"{"version":"1.0.0","segments":[{"startTime":0,"endTime":2,"body":"Hello."}]}"#, "application/json"),
        "/c/ow-2024-05.json": (
          #"{"version":"1.2.0","chapters":[{"startTime":0,"title":"Open"},{"startTime":600,"title":"RSS","img":"https://waves.podium.test/rss.png"}]}"#,
          "application/json"
        ),
      ])
  }

  /// A video podcast: podcast:medium video, MP4 enclosures repeated as media:content.
  static func video() -> Feed {
    Feed(
      name: "video",
      xml: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:media="http://search.yahoo.com/mrss/">
        <channel>
          <title>Straatbeeld</title>
          <link>https://straat.podium.test/</link>
          <description>Korte video's over de straat.</description>
          <language>nl</language>
          <atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://straat.podium.test/video.xml" rel="self"/>
          <podcast:medium>video</podcast:medium>
          <itunes:author>Straatbeeld</itunes:author>
          <itunes:image href="https://straat.podium.test/cover.jpg"/>
          <itunes:category text="Arts"><itunes:category text="Visual Arts"/></itunes:category>
          <itunes:explicit>false</itunes:explicit>
          <itunes:type>serial</itunes:type>
          <item>
            <title>Hoek 1</title>
            <guid isPermaLink="false">sb-1</guid>
            <pubDate>Tue, 01 Aug 2023 12:00:00 +0200</pubDate>
            <enclosure url="https://straat.podium.test/v/1.mp4" length="73400320" type="video/mp4"/>
            <media:content url="https://straat.podium.test/v/1.mp4" fileSize="73400320" type="video/mp4" medium="video"/>
            <podcast:image href="https://straat.podium.test/v/1.jpg" purpose="poster"/>
            <podcast:image href="https://straat.podium.test/v/1-wide.jpg" purpose="social" aspect-ratio="16/9" width="1280" height="720"/>
            <itunes:duration>300</itunes:duration>
            <itunes:episode>1</itunes:episode>
            <description>De eerste hoek.</description>
          </item>
          <item>
            <title>Hoek 2</title>
            <guid isPermaLink="false">sb-2</guid>
            <pubDate>Tue, 08 Aug 2023 12:00:00 +0200</pubDate>
            <enclosure url="https://straat.podium.test/v/2.mp4" length="63400320" type="video/mp4"/>
            <itunes:duration>0:04:10</itunes:duration>
            <itunes:episode>2</itunes:episode>
            <description>De tweede hoek.</description>
          </item>
        </channel>
        </rss>
        """,
      served: [:])
  }

  /// Notes from a visual editor: tables, images, embedded players, scripts and styles, next to
  /// notes that convert cleanly.
  static func htmlNotes() -> Feed {
    Feed(
      name: "html-notes",
      xml: """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>Notes Heavy</title>
          <link>https://notes.podium.test/</link>
          <description>Shows with long notes.</description>
          <language>en-GB</language>
          <itunes:author>Notes</itunes:author>
          <itunes:image href="https://notes.podium.test/art.jpg"/>
          <itunes:category text="Education"/>
          <itunes:explicit>false</itunes:explicit>
          <item>
            <title>Tables &amp; players</title>
            <guid isPermaLink="false">nh-1</guid>
            <pubDate>Thu, 07 Sep 2023 08:15:00 +0100</pubDate>
            <enclosure url="https://notes.podium.test/m/1.m4a" length="3000000" type="audio/x-m4a"/>
            <itunes:duration>600</itunes:duration>
            <content:encoded><![CDATA[<div class="notes" style="color:red"><p>Timeline:</p><table><tr><th>Time</th><th>Topic</th></tr><tr><td>0:00</td><td>Hello</td></tr></table><img src="https://notes.podium.test/x.png"><iframe src="https://player.podium.test/1"></iframe><script>track()</script><p onclick="x()">End.</p></div>]]></content:encoded>
          </item>
          <item>
            <title>Clean notes</title>
            <guid isPermaLink="false">nh-2</guid>
            <pubDate>Thu, 14 Sep 2023 08:15:00 +0100</pubDate>
            <enclosure url="https://notes.podium.test/m/2.m4a" length="3100000" type="audio/x-m4a"/>
            <itunes:duration>610</itunes:duration>
            <content:encoded><![CDATA[<h2>Links</h2><ol><li><a href="https://a.podium.test/">A</a> &amp; more</li><li>Two <code>code</code></li></ol><blockquote><p>Quote *not emphasis*</p></blockquote><p>Line<br>break and 1. not a list</p>]]></content:encoded>
          </item>
        </channel>
        </rss>
        """,
      served: [:])
  }
}
