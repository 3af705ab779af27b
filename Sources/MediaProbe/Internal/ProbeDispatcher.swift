import Diagnostics

/// Detects the format from the content, runs its parser, and checks the file name's extension.
struct ProbeDispatcher {
  let limits: ProbeLimits

  /// In the order they are tried: formats with unambiguous magic numbers first, MP3 (whose
  /// frame sync can appear by chance) and the text formats last.
  static var parsers: [any FormatParser.Type] {
    [
      MP4Parser.self, OggParser.self, FLACParser.self, WAVParser.self, MatroskaParser.self, JPEGParser.self,
      PNGParser.self, WebPParser.self, WebVTTParser.self, MP3Parser.self, SRTParser.self,
    ]
  }

  func run(_ source: some ByteSource, into info: inout MediaInfo) {
    let location = SourceLocation(file: info.path)
    guard source.size > 0 else {
      info.findings.append(ProbeRules.empty.finding("the file is empty (0 bytes); upload it again", at: location))
      return
    }
    do {
      let start = try ID3v2Skip.contentStart(of: source)
      let head = try ID3v2Skip.head(of: source, at: start)
      // A file that starts with an ID3 tag is an MP3 even when junk follows the tag.
      let tagged = start > 0
      guard let parser = Self.parsers.first(where: { $0.matches(head) }) ?? (tagged ? MP3Parser.self : nil) else {
        info.findings.append(ProbeRules.unknownFormat.finding(
          "the content is not a format Podium knows (MP3, MPEG-4, Ogg, FLAC, WAV, WebM, JPEG, PNG, WebP, WebVTT, SRT)",
          at: location))
        return
      }
      info.container = parser.container
      try parser.parse(source, into: &info, limits: limits)
    } catch {
      info.findings.append(Self.finding(for: error, location: location))
    }
    if let container = info.container { checkExtension(container, &info) }
  }

  static func finding(for failure: ProbeFailure, location: SourceLocation) -> Finding {
    switch failure {
    case .outOfBounds(let offset):
      ProbeRules.truncated.finding("the file ends in the middle of a structure at byte \(offset); it may be cut short", at: location)
    case .limit(let what):
      ProbeRules.limitReached.finding("stopped: \(what)", at: location)
    case .io(let detail):
      ProbeRules.unreadable.finding("reading failed: \(detail)", at: location)
    }
  }

  private func checkExtension(_ container: Container, _ info: inout MediaInfo) {
    guard let dot = info.path.lastIndex(of: "."), !info.path[dot...].contains("/") else { return }
    let ext = info.path[info.path.index(after: dot)...].lowercased()
    let expected: [Container: Set<String>] = [
      .mp3: ["mp3"], .mp4: ["mp4", "m4a", "m4b", "m4v", "mov", "3gp"], .ogg: ["ogg", "oga", "opus", "ogv"],
      .flac: ["flac"], .wav: ["wav", "wave"], .webm: ["webm"], .matroska: ["mkv", "mka", "webm"],
      .jpeg: ["jpg", "jpeg"], .png: ["png"], .webp: ["webp"], .webvtt: ["vtt"], .srt: ["srt"],
    ]
    if let allowed = expected[container], !allowed.contains(ext) {
      info.findings.append(ProbeRules.extensionMismatch.finding(
        "the name ends in .\(ext) but the content is \(container.rawValue); rename the file or fix its content",
        at: SourceLocation(file: info.path)))
    }
  }
}
