/// Compares MIME types the way podcast apps do: parameters ignored, and the common aliases for the
/// same format treated as equal (a server sending audio/x-m4a for a declared audio/mp4 is fine).
enum ContentType {
  static let aliases: [[String]] = [
    ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3", "audio/mpg"],
    ["audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac-mp4", "audio/x-mp4"],
    ["video/mp4", "video/x-m4v", "video/m4v"],
    ["video/quicktime", "video/mov"],
    ["audio/ogg", "audio/x-ogg", "application/ogg", "audio/opus"],
    ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"],
    ["audio/flac", "audio/x-flac"],
    ["image/jpeg", "image/jpg", "image/pjpeg"],
    ["text/vtt", "text/webvtt"],
    ["application/x-subrip", "application/srt", "text/srt"],
    ["application/json+chapters", "application/json", "text/json"],
    ["application/rss+xml", "application/xml", "text/xml", "application/atom+xml"],
  ]

  static let canonical: [String: Int] = {
    var table: [String: Int] = [:]
    for (group, names) in aliases.enumerated() {
      for name in names { table[name] = group }
    }
    return table
  }()

  /// "Audio/MPEG; charset=x" → "audio/mpeg".
  static func essence(_ type: String) -> String {
    let base = type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return base.trimmingSpaces().lowercased()
  }

  static func matches(_ expected: String, _ served: String?) -> Bool {
    guard let served else { return false }
    let a = essence(expected), b = essence(served)
    if a == b { return true }
    guard let groupA = canonical[a], let groupB = canonical[b] else { return false }
    return groupA == groupB
  }
}
