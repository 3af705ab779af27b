import Foundation
import MediaProbe

/// A SubRip file as the Podcasting 2.0 transcript guide describes it: numbered cards, with the
/// speaker's name and a colon at the start of a card
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md#srt).
/// The name starts every card its speaker says, not only the first after a change, so a card
/// whose own text starts with `Word:` is never read as a new speaker. SubRip has no markup and no
/// escaping: text is written as it is, and a card with no speaker after one with a speaker reads
/// as that speaker's, since SubRip can't say that nobody speaks.
enum SubRipTranscript {
  static func write(_ cues: [CaptionCue]) -> Data {
    var text = ""
    for (number, cue) in cues.enumerated() {
      if number > 0 { text += "\n" }
      text += "\(number + 1)\n"
      text += CaptionTimestamp.format(cue.start, style: .subRip) + " --> "
        + CaptionTimestamp.format(cue.end, style: .subRip) + "\n"
      if let name = cue.speaker { text += name + ": " }
      text += cue.text + "\n"
    }
    return Data(text.utf8)
  }
}
