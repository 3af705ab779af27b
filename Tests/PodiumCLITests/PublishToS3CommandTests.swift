import Foundation
import PodiumTestSupport
import Testing

/// The README's path for a new user, with the real `podium` binary, from an empty folder to a
/// feed in a bucket that podcast apps read: `init`, real media (espeak-ng speech encoded by
/// ffmpeg, an ffmpeg picture as artwork), `add`, `build`, `publish` to a SeaweedFS the test
/// starts, then the feed fetched from the bucket's public URL by podcastparser (gPodder's
/// parser) and feedparser, and each enclosure asked for a byte range as apps do.
@Suite(.serialized) struct PublishToS3CommandTests {
  /// Speech of `text` as an MP3, as a producer would record and encode it.
  func speech(_ text: String, to name: String, in folder: URL) throws {
    try MediaTools.run("espeak-ng", ["-v", "nl", "-w", "\(name).wav", text], in: folder)
    try MediaTools.run(
      "ffmpeg", ["-v", "error", "-y", "-i", "\(name).wav", "-codec:a", "libmp3lame", "-b:a", "64k", "\(name).mp3"],
      in: folder)
  }

  /// Reads the feed at a URL with podcastparser and with feedparser, as JSON:
  /// `{"podcastparser": {title, episodes: [{title, url, length, type}]}, "feedparser": {...}}`.
  static let readers = """
    import json, sys, urllib.request
    import feedparser, podcastparser
    url = sys.argv[1]
    parsed = podcastparser.parse(url, urllib.request.urlopen(url))
    first = {"title": parsed["title"], "episodes": [
        {"title": e["title"], "url": e["enclosures"][0]["url"], "length": e["enclosures"][0]["file_size"],
         "type": e["enclosures"][0]["mime_type"]} for e in parsed["episodes"] if e["enclosures"]]}
    feed = feedparser.parse(url)
    if feed.bozo:
        sys.exit("feedparser: %s" % feed.bozo_exception)
    second = {"title": feed.feed.title, "episodes": [
        {"title": e.title, "url": e.enclosures[0].href, "length": int(e.enclosures[0].length),
         "type": e.enclosures[0].type} for e in feed.entries if e.enclosures]}
    print(json.dumps({"podcastparser": first, "feedparser": second}))
    """

  @Test func fromAnEmptyFolderToAFeedInABucketThatPodcastAppsRead() throws {
    let folder = try TemporaryFolder()
    let server = try SeaweedFS(in: folder)
    try server.makeBucket("podcast")
    let work = folder.url.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let environment = [
      "AWS_ACCESS_KEY_ID": server.accessKey, "AWS_SECRET_ACCESS_KEY": server.secretKey,
      "XDG_CACHE_HOME": folder.url.appendingPathComponent("cache").path,
    ]
    func podium(_ arguments: [String], secret: String? = nil) throws -> PodiumProcess.Output {
      var environment = environment
      if let secret { environment["AWS_SECRET_ACCESS_KEY"] = secret }
      // Commands that build take a fixed moment; init and add don't build.
      let now = ["build", "publish"].contains(arguments[0]) ? ["--now", "2026-12-01T00:00:00Z"] : []
      return try PodiumProcess.run(arguments + now, in: work, environment: environment)
    }

    let created = try podium([
      "init", "--show", "buurt", "--title", "Buurtgesprekken", "--publisher", "Socius", "--language", "nl-BE",
    ])
    #expect(created.status == 0, "\(created.standardError)")
    // What the README tells a new user to set: the bucket's public address (here SeaweedFS on
    // this machine, read anonymously), the bucket and its endpoint, and P20-HTTPS off with a
    // reason, since this test bucket speaks plain http.
    let bucketURL = "\(server.endpoint)/podcast/buurtgesprekken/"
    try folder.write(
      "site/episodes/podium.yaml",
      """
      base_url: \(bucketURL)feeds/
      media_base_url: \(bucketURL)media/
      language: nl-BE
      publisher: Socius
      owner:
        name: Socius
        email: podcast@podium.test
      copyright: © 2026 Socius vzw
      website: https://podium.test/
      publish:
        bucket: podcast
        prefix: buurtgesprekken
        endpoint: \(server.endpoint)
      rules:
        P20-HTTPS:
          severity: off
          reason: A test bucket on this machine, served over plain http.

      """)
    let show = String(decoding: try folder.read("site/episodes/buurt/show.yaml"), as: UTF8.self)
    try folder.write(
      "site/episodes/buurt/show.yaml",
      show.replacingOccurrences(
        of: "Describe the show in a few sentences.", with: "Buren over hun straat en hun plein."))
    try MediaTools.run(
      "ffmpeg",
      [
        "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1400x1400:rate=1", "-frames:v", "1",
        "episodes/buurt/artwork.jpg",
      ],
      in: work)
    let episodes = [
      ("Het plein", "2026-10-01T10:00:00+02:00", "Welkom bij Buurtgesprekken. Vandaag praten we over het plein."),
      ("De schoolstraat", "2026-11-05T10:00:00+01:00", "In deze aflevering sluiten ouders de straat voor de school."),
    ]
    for (index, (title, date, text)) in episodes.enumerated() {
      try speech(text, to: "opname-\(index)", in: work)
      let added = try podium(["add", "opname-\(index).mp3", "--show", "buurt", "--title", title, "--date", date])
      #expect(added.status == 0, "\(added.standardOutput)\(added.standardError)")
    }
    let build = try podium(["build"])
    #expect(build.status == 0, "\(build.standardOutput)")
    #expect(build.standardOutput.contains("buurt: 2 published"), "\(build.standardOutput)")

    let published = try podium(["publish"])
    #expect(published.status == 0, "\(published.standardOutput)\(published.standardError)")
    // Two episodes' media, the artwork, the feed and the OPML.
    #expect(published.standardOutput.contains("Uploaded 5 files"), "\(published.standardOutput)")
    #expect(!published.standardOutput.contains("warning"), "\(published.standardOutput)")

    // The feed, from the bucket's public URL, as two podcast feed parsers read it.
    let feedURL = bucketURL + "feeds/buurt/feed.xml"
    try folder.write("readers.py", Self.readers)
    let read = try JSONValue(
      parsing: Data(try MediaTools.run("python3", [folder.url.appendingPathComponent("readers.py").path, feedURL], in: work).utf8))
    for parser in ["podcastparser", "feedparser"] {
      #expect(read[parser]?["title"]?.string == "Buurtgesprekken", "\(parser)")
      let found = try #require(read[parser]?["episodes"]?.array, "\(parser)")
      #expect(Set(found.compactMap { $0["title"]?.string }) == Set(episodes.map(\.0)), "\(parser)")
      for episode in found {
        let url = try #require(episode["url"]?.string)
        #expect(url.hasPrefix(bucketURL + "media/buurt/media/"), "\(parser): \(url)")
        #expect(episode["type"]?.string == "audio/mpeg")
        // The enclosure is the file the producer added, and answers a byte range as apps ask.
        let name = String(url.dropFirst((bucketURL + "media/buurt/media/").count))
        let size = try Data(contentsOf: work.appendingPathComponent("episodes/buurt/media/\(name)")).count
        #expect(episode["length"]?.int == size, "\(parser): \(name)")
        let path = String(url.dropFirst(server.endpoint.count))
        let range = try server.anonymous(
          .get, path, headers: [("Range", "bytes=0-1")], responseHeaders: ["Content-Range"])
        #expect(range.status == 206 && range.body.count == 2, "\(url)")
        #expect(range.headers["Content-Range"] == "bytes 0-1/\(size)")
      }
    }

    // Again with the place on the command line: nothing changed, nothing to upload.
    let again = try podium(["publish", "--to", "s3://podcast/buurtgesprekken", "--endpoint", server.endpoint])
    #expect(again.status == 0, "\(again.standardOutput)")
    #expect(
      again.standardOutput.contains("Nothing to upload: s3://podcast/buurtgesprekken already has all 5 files."),
      "\(again.standardOutput)")

    // A wrong secret: refused with the server's answer, never printing the secret.
    let wrong = "wrong-" + UUID().uuidString
    try folder.write(
      "site/episodes/buurt/2026-11-05-de-schoolstraat.md",
      String(
        decoding: try folder.read("site/episodes/buurt/2026-11-05-de-schoolstraat.md"), as: UTF8.self)
        + "\nMet dank aan de ouders.\n")
    let refused = try podium(["publish"], secret: wrong)
    #expect(refused.status == 1)
    let said = refused.standardOutput + refused.standardError
    #expect(said.contains("s3://podcast/buurtgesprekken") && said.contains("HTTP 403 SignatureDoesNotMatch"), "\(said)")
    #expect(said.contains("Nothing was uploaded."), "\(said)")
    #expect(!said.contains(wrong) && !said.contains(server.secretKey), "\(said)")
    let live = try server.anonymous(.get, "/podcast/buurtgesprekken/feeds/buurt/feed.xml")
    #expect(!String(decoding: live.body, as: UTF8.self).contains("Met dank aan de ouders"))
  }
}
