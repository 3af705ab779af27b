import MediaProbe

/// One probed file as JSON. The field names are stable and documented in docs/probe.md.
struct ProbeJSON: Encodable {
  struct TrackJSON: Encodable {
    var kind: String
    var codec: String?
    var duration: Double?
    var sampleRate: Int?
    var channels: Int?
    var width: Int?
    var height: Int?
    var frameRate: Double?
    var language: String?
  }

  struct ChapterJSON: Encodable {
    var start: Double
    var end: Double?
    var title: String?
  }

  struct ArtworkJSON: Encodable {
    var mimeType: String?
    var width: Int?
    var height: Int?
    var size: Int
  }

  var path: String
  var container: String?
  var mimeType: String?
  var duration: Double?
  var durationEstimated: Bool?
  var size: Int64
  var bitrate: Int?
  var sampleRate: Int?
  var channels: Int?
  var width: Int?
  var height: Int?
  var frameRate: Double?
  var codecs: [String]
  var faststart: Bool?
  var variableBitrate: Bool?
  var colourModel: String?
  var progressive: Bool?
  var hasAlpha: Bool?
  var tracks: [TrackJSON]
  var chapters: [ChapterJSON]
  var artwork: [ArtworkJSON]
  var tags: [String: String]
  var bytesRead: Int64
  var findings: [FindingJSON]

  init(_ info: MediaInfo) {
    path = info.path
    container = info.container?.rawValue
    mimeType = info.mimeType
    duration = info.duration.map(Self.milliseconds)
    durationEstimated = info.durationEstimated
    size = info.size
    bitrate = info.bitrate
    sampleRate = info.sampleRate
    channels = info.channels
    width = info.width
    height = info.height
    frameRate = info.frameRate.map { ($0 * 1000).rounded() / 1000 }
    codecs = info.codecs
    faststart = info.faststart
    variableBitrate = info.variableBitrate
    colourModel = info.colourModel
    progressive = info.progressive
    hasAlpha = info.hasAlpha
    tracks = info.tracks.map {
      TrackJSON(
        kind: $0.kind.rawValue, codec: $0.codec, duration: $0.duration.map(Self.milliseconds), sampleRate: $0.sampleRate,
        channels: $0.channels,
        width: $0.width, height: $0.height, frameRate: $0.frameRate, language: $0.language)
    }
    chapters = info.chapters.map {
      ChapterJSON(start: Self.milliseconds($0.start), end: $0.end.map(Self.milliseconds), title: $0.title)
    }
    artwork = info.artwork.map { ArtworkJSON(mimeType: $0.mimeType, width: $0.width, height: $0.height, size: $0.size) }
    tags = info.tags
    bytesRead = info.bytesRead
    findings = info.findings.map(FindingJSON.init)
  }

  /// Seconds to the millisecond: more digits would be noise, not precision.
  static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// One probed file for people.
enum ProbeText {
  static func describe(_ info: MediaInfo) -> String {
    var lines = [info.path]
    func add(_ label: String, _ value: String?) {
      if let value { lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
    }
    add("format", info.container.map { "\($0.rawValue) (\(info.mimeType ?? "?"))" } ?? "unknown")
    add("duration", info.duration.map { String(format: "%.3f s", $0) + (info.durationEstimated == true ? " (estimated)" : "") })
    add("size", "\(info.size) bytes")
    add("bitrate", info.bitrate.map { "\($0 / 1000) kbit/s" + (info.variableBitrate == true ? " (VBR)" : "") })
    add("audio", info.sampleRate.map { "\($0) Hz" + (info.channels.map { ", \($0) ch" } ?? "") })
    add("picture", info.width.map { w in "\(w)×\(info.height ?? 0)" + (info.frameRate.map { String(format: " @ %.3f fps", $0) } ?? "") })
    add("colour", info.colourModel.map { $0 + (info.progressive == true ? ", progressive" : "") + (info.hasAlpha == true ? ", alpha" : "") })
    add("codecs", info.codecs.isEmpty ? nil : info.codecs.joined(separator: ", "))
    add("faststart", info.faststart.map { $0 ? "yes" : "no" })
    add("chapters", info.chapters.isEmpty ? nil : "\(info.chapters.count)")
    add("artwork", info.artwork.isEmpty ? nil : info.artwork.map { "\($0.mimeType ?? "?") \($0.size) bytes" }.joined(separator: ", "))
    add("read", "\(info.bytesRead) bytes")
    for finding in info.findings { lines.append("  \(finding.severity.rawValue): [\(finding.ruleID)] \(finding.message)") }
    return lines.joined(separator: "\n")
  }
}
