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

  /// Whether a declared type names the same format as the expected one.
  public static func matches(declared: String, expected: String) -> Bool {
    let declared = declared.lowercased(), expected = expected.lowercased()
    return declared == expected || sameFormat.contains { $0.contains(declared) && $0.contains(expected) }
  }
}
