import Catalogue
import Testing

@Suite struct MediaReferenceTests {
  @Test(arguments: [
    (MediaReference.remote(url: "https://media.example.org/a/b.MP3"), "mp3"),
    (.remote(url: "https://media.example.org/a/b.mp3?dl=1#t=10"), "mp3"),
    (.remote(url: "https://media.example.org/a/b.m4a#x.mp3"), "m4a"),
    (.remote(url: "https://media.example.org/a.b/c"), ""),
    (.remote(url: "https://media.example.org/a/b.mp4/"), "mp4"),
    (.remote(url: "https://media.example.org/"), "org"),  // the host, as before: no path
    (.remote(url: "https://media.example.org/a/.webm"), "webm"),
    (.remote(url: "?q=1/x.ogg"), "ogg"),
    (.remote(url: "https://media.example.org/é/b.Ogg"), "ogg"),
    (.remote(url: "https://media.example.org/b.e\u{301}"), "é"),
    (.local(path: "media/b.tar.GZ"), "gz"),
    (.local(path: "media/b?.mp3"), "mp3"),
    (.local(path: "b"), ""),
    (.local(path: ""), ""),
  ])
  func pathExtension(reference: MediaReference, expected: String) {
    #expect(reference.pathExtension == expected)
  }
}
