import Foundation
import MediaProbe

/// A SubRip file as the Podcasting 2.0 transcript guide describes it: numbered cards, and the
/// speaker's name and a colon at the start of a card whenever the speaker changes
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md#srt).
/// SubRip can't say that nobody speaks after someone did: such a card reads as the same speaker.
enum SubRipTranscript {
  static func write(_ cues: [CaptionCue]) -> Data {
    var text = ""
    var speaker: String?
    for (number, cue) in cues.enumerated() {
      if number > 0 { text += "\n" }
      text += "\(number + 1)\n"
      text += CaptionTimestamp.format(cue.start, style: .subRip) + " --> "
        + CaptionTimestamp.format(cue.end, style: .subRip) + "\n"
      if let name = cue.speaker, name != speaker { text += name + ": " }
      speaker = cue.speaker ?? speaker
      text += cue.text + "\n"
    }
    return Data(text.utf8)
  }
}
