/// A correct Media RSS video feed, as `media.xml` is written, with a group of renditions and a
/// content played only through its player: the plain RSS profile reports nothing on it.
enum ValidMediaFeed {
  static let text = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>Podium Test Videos</title>
        <link>https://example.com/videos/</link>
        <description>Short videos about testing feeds.</description>
        <language>en-us</language>
        <atom:link href="https://example.com/media.xml" rel="self" type="application/rss+xml"/>
        <media:thumbnail url="https://example.com/channel.jpg"/>
        <item>
          <title>Second video</title>
          <link>https://example.com/videos/2/</link>
          <description>Second video, in one file.</description>
          <guid isPermaLink="false">video-2</guid>
          <pubDate>Sat, 15 Jun 2019 09:30:00 GMT</pubDate>
          <media:content url="https://cdn.example.com/video-2.mp4" fileSize="230675" type="video/mp4" medium="video" isDefault="true" expression="full" duration="9" bitrate="204.8" framerate="29.97" width="640" height="360" lang="en">
            <media:title type="plain">Second video</media:title>
            <media:description type="html"><![CDATA[<p>Second video, in <b>one</b> file.</p>]]></media:description>
            <media:thumbnail url="https://cdn.example.com/video-2.jpg" width="1280" height="720" time="00:00:01.5"/>
            <media:player url="https://example.com/videos/2/" width="640" height="360"/>
            <media:subTitle type="text/vtt" lang="en-US" href="https://example.com/video-2.vtt"/>
          </media:content>
        </item>
        <item>
          <title>First video</title>
          <link>https://example.com/videos/1/</link>
          <description>First video, in two renditions.</description>
          <guid isPermaLink="false">video-1</guid>
          <pubDate>Sun, 06 Jul 2014 13:00:00 +0000</pubDate>
          <media:group>
            <media:content url="https://cdn.example.com/video-1.mp4" type="video/mp4" medium="video" isDefault="true"/>
            <media:content url="https://cdn.example.com/video-1.webm" type="video/webm" medium="video" isDefault="false"/>
            <media:title>First video</media:title>
          </media:group>
        </item>
        <item>
          <title>Live video</title>
          <link>https://example.com/videos/live/</link>
          <description>A stream with a player page and no file.</description>
          <guid isPermaLink="false">video-live</guid>
          <pubDate>Sun, 06 Jul 2014 12:00:00 +0000</pubDate>
          <media:player url="https://example.com/videos/live/"/>
          <media:content medium="video" expression="nonstop"/>
        </item>
      </channel>
    </rss>
    """
}
