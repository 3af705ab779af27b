import Catalogue
import Testing

/// The YouTube and Vimeo URLs people paste, and the players Podium makes of them.
@Suite struct ExternalVideoTests {
  @Test(arguments: [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
  ])
  func youTube(url: String, id: String) throws {
    let video = try #require(ExternalVideo.parse(url, duration: 60))
    #expect(video.provider == .youtube)
    #expect(video.id == id)
    #expect(video.playerURL == "https://www.youtube-nocookie.com/embed/\(id)")
    #expect(video.embedURL == "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1")
    #expect(video.watchURL == "https://www.youtube.com/watch?v=\(id)")
  }

  @Test(arguments: [
    ("https://vimeo.com/76979871", "76979871", nil),
    ("https://player.vimeo.com/video/76979871", "76979871", nil),
    ("https://vimeo.com/76979871/8272103f6e", "76979871", "8272103f6e"),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e", "76979871", "8272103f6e"),
  ] as [(String, String, String?)])
  func vimeo(url: String, id: String, hash: String?) throws {
    let video = try #require(ExternalVideo.parse(url, duration: 60))
    #expect(video.provider == .vimeo)
    #expect(video.id == id)
    #expect(video.hash == hash)
    #expect(video.playerURL.hasPrefix("https://player.vimeo.com/video/\(id)?"))
    #expect(video.playerURL.hasSuffix("dnt=1"))
    #expect(video.embedURL.hasSuffix("dnt=1&autoplay=1"))
  }

  /// Anything else is refused, so no other site's page ends up in an iframe.
  @Test(arguments: [
    "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/watch?v=dQw4w9WgXc\"",
    "https://www.youtube.com/playlist?list=PL123",
    "https://youtu.be/",
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://vimeo.com/channels/staffpicks",
    "https://vimeo.com/123/456/789",
    "https://vimeo.com/76979871/not-a-hash!",
    "https://www.youtube.com/embed/videoseries?list=PL123",
    "javascript:alert(1)",
    "not a url",
  ])
  func refuses(url: String) {
    #expect(ExternalVideo.parse(url, duration: 60) == nil)
  }
}
