import Foundation
import MediaProbe

/// The Podcasting 2.0 JSON transcript, version 1.0.0: a segment per cue with its speaker, start
/// and end in seconds, and its text on one line as the body
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md#json).
enum JSONTranscript {
  private struct File: Encodable {
    struct Segment: Encodable {
      var speaker: String?
      var startTime: Decimal
      var endTime: Decimal
      var body: String
    }

    var version = "1.0.0"
    var segments: [Segment]
  }

  static func write(_ cues: [CaptionCue]) throws -> Data {
    let file = File(
      segments: cues.map {
        File.Segment(speaker: $0.speaker, startTime: seconds($0.start), endTime: seconds($0.end), body: $0.line)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(file)
    data.append(0x0A)
    return data
  }

  /// Milliseconds as seconds, exactly (`1.9`, not `1.8999999`).
  private static func seconds(_ milliseconds: Int) -> Decimal { Decimal(milliseconds) / 1000 }
}
