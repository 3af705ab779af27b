/// File extensions and the MIME types podcast apps expect for them.
public enum MediaTypes {
  /// Enclosure formats Apple Podcasts accepts, with Apple's MIME types (APPLE-ENC-FORMATS).
  public static let appleEnclosures: [String: String] = [
    "mp3": "audio/mpeg",
    "m4a": "audio/x-m4a",
    "mp4": "video/mp4",
    "m4v": "video/x-m4v",
    "mov": "video/quicktime",
    "pdf": "application/pdf",
  ]

  /// Every type Podium knows by extension, for enclosures, transcripts and artwork.
  public static let byExtension: [String: String] = appleEnclosures.merging([
    "m4b": "audio/x-m4b",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "opus": "audio/opus",
    "oga": "audio/ogg",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "webm": "video/webm",
    "m3u8": "application/x-mpegURL",
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
    "txt": "text/plain",
    "html": "text/html",
    "json": "application/json",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
  ]) { apple, _ in apple }

  /// Types that name the same format, so `audio/mp4` for an M4A is not reported as wrong.
  public static let sameFormat: [Set<String>] = [
    ["audio/mpeg", "audio/mp3", "audio/mpeg3"], ["audio/x-m4a", "audio/mp4", "audio/m4a", "audio/x-m4b"],
    ["video/mp4", "video/x-m4v"], ["audio/ogg", "audio/opus", "audio/vorbis"],
    ["audio/wav", "audio/x-wav", "audio/wave"],
  ]

  public static func type(forExtension ext: String) -> String? { byExtension[ext.lowercased()] }

  /// The `Content-Type` of a file Podium publishes, by its path in the output (or URL path): one
  /// table for what `podium serve` answers and what a publish uploads with. Feeds (`feed.xml`, the
  /// Media RSS `media.xml`) are `application/rss+xml`; a chapters file is `application/json+chapters`
  /// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md);
  /// text types say UTF-8, which is all Podium writes. Unknown names are `application/octet-stream`.
  public static func contentType(forPath path: String) -> String {
    let components = path.split(separator: "/")
    guard let name = components.last?.lowercased() else { return octetStream }
    let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
    if name == "feed.xml" || name == "media.xml" { return "application/rss+xml" }
    if ext == "json", components.dropLast().last == "chapters" { return "application/json+chapters" }
    if let type = publishedText[ext] { return type }
    return byExtension[ext] ?? octetStream
  }

  private static let octetStream = "application/octet-stream"

  /// Text files Podium writes, with their charset; these win over `byExtension` for serving.
  private static let publishedText: [String: String] = [
    "html": "text/html; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "vtt": "text/vtt; charset=utf-8",
    "srt": "application/x-subrip",
    "txt": "text/plain; charset=utf-8",
    // Sitemaps and OPML: generic XML, as their specs leave it.
    "xml": "text/xml; charset=utf-8",
    "opml": "text/xml; charset=utf-8",
  ]

  /// Whether a declared type names the same format as the expected one.
  public static func matches(declared: String, expected: String) -> Bool {
    let declared = declared.lowercased(), expected = expected.lowercased()
    return declared == expected || sameFormat.contains { $0.contains(declared) && $0.contains(expected) }
  }
}
