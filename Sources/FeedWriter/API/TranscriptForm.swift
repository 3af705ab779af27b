import Foundation
import MediaProbe

/// The transcript forms Podium writes from one timed source, each for the apps that read it:
/// WebVTT (Apple Podcasts, browsers), SubRip, and the Podcasting 2.0 JSON transcript
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md).
public enum TranscriptForm: String, Sendable, CaseIterable {
  case webVTT
  case subRip
  case json

  /// The `type` of its `podcast:transcript`.
  public var type: String {
    switch self {
    case .webVTT: "text/vtt"
    case .subRip: "application/x-subrip"
    case .json: "application/json"
    }
  }

  public var fileExtension: String {
    switch self {
    case .webVTT: "vtt"
    case .subRip: "srt"
    case .json: "json"
    }
  }

  /// The form a declared transcript type is in; nil for HTML, plain text or anything else.
  public init?(type: String) {
    switch type {
    case "text/vtt": self = .webVTT
    case "application/x-subrip", "application/srt": self = .subRip
    case "application/json": self = .json
    default: return nil
    }
  }

  /// The file in this form, UTF-8.
  public func write(_ cues: [CaptionCue]) throws -> Data {
    switch self {
    case .webVTT: WebVTTTranscript.write(cues)
    case .subRip: SubRipTranscript.write(cues)
    case .json: try JSONTranscript.write(cues)
    }
  }
}
