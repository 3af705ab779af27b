import Foundation
import MediaProbe

/// A WebVTT file (https://www.w3.org/TR/webvtt1/) with the speaker of each cue as a voice span,
/// `<v Name>`, which Apple Podcasts reads into its transcript. Text is escaped (`&amp;`, `&lt;`,
/// `&gt;`), so a cue's text can't become a tag or end the cue (`-->`).
enum WebVTTTranscript {
  static func write(_ cues: [CaptionCue]) -> Data {
    var text = "WEBVTT\n"
    for (number, cue) in cues.enumerated() {
      text += "\n\(number + 1)\n"
      text += CaptionTimestamp.format(cue.start) + " --> " + CaptionTimestamp.format(cue.end) + "\n"
      if let speaker = cue.speaker { text += "<v " + escaped(speaker) + ">" }
      text += escaped(cue.text) + "\n"
    }
    return Data(text.utf8)
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
