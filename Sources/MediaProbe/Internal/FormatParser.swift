/// One media, image or caption format. Parsers are tried in order on the first bytes of the file.
protocol FormatParser {
  static var container: Container { get }
  /// Whether the first bytes of the file (up to 64, fewer for short files) look like this format.
  /// MP3 files may start with an ID3v2 tag; `head` is what follows the tag.
  static func matches(_ head: [UInt8]) -> Bool
  /// Fills `info`. Throws only when the structure can't be read at all; everything else, including
  /// truncation and garbage, is reported as findings in `info`.
  static func parse(_ source: some ByteSource, into info: inout MediaInfo, limits: ProbeLimits) throws(ProbeFailure)
}
