/// Turns a cue's text lines into a transcript's plain text and speaker.
///
/// WebVTT cue text is markup (https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules): every `<…>`
/// is a tag, the voice span `<v Name>` names the speaker, and `&amp;`, `&lt;`, `&gt;`, `&lrm;`,
/// `&rlm;`, `&nbsp;` and numeric references are characters. SubRip has no markup of its own;
/// players read `<i>`, `<b>`, `<u>`, `<s>`, `<font …>` and `{\an8}`, and speakers are written as
/// `Name:` at the start of a card, carried until the next name
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md#srt).
/// Anything else in a SubRip card, `<script>` included, is text.
enum CaptionCueText {
  static func webVTT(_ bytes: [UInt8], _ lines: [Range<Int>], _ timing: CaptionTiming) -> CaptionCue {
    let scalars = Array(joined(bytes, lines).unicodeScalars)
    var text = String.UnicodeScalarView()
    var speaker: String?
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<" {
        let close = scalars[index...].firstIndex(of: ">") ?? scalars.count
        let tag = scalars[(index + 1)..<close]
        if speaker == nil, tag.first == "v", tag.count > 1, tag[tag.startIndex + 1] == "." || isSpace(tag[tag.startIndex + 1]) {
          // `<v.loud Name>`: the annotation is what follows the first white space.
          if let space = tag.firstIndex(where: isSpace) {
            let name = collapsed(decoded(Array(tag[space...])))
            if !name.isEmpty { speaker = name }
          }
        }
        index = close + 1
      } else if scalar == "&", let (character, length) = reference(scalars, at: index) {
        text.append(character)
        index += length
      } else {
        text.append(scalar)
        index += 1
      }
    }
    return CaptionCue(start: timing.start, end: timing.end, speaker: speaker, text: cleaned(String(text)))
  }

  /// - Parameter previous: The speaker of the card before, who goes on speaking until a card names another.
  static func subRip(_ bytes: [UInt8], _ lines: [Range<Int>], _ timing: CaptionTiming, previous: String?) -> CaptionCue {
    let scalars = Array(joined(bytes, lines).unicodeScalars)
    var text = String.UnicodeScalarView()
    var voice: String?
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<", let close = scalars[index...].prefix(256).firstIndex(of: ">") {
        var tag = scalars[(index + 1)..<close]
        if tag.first == "/" { tag = tag.dropFirst() }
        let name = String(String.UnicodeScalarView(tag.prefix { !isSpace($0) && $0 != "." })).lowercased()
        if subRipTags.contains(name) {
          if name == "v", voice == nil, let space = tag.firstIndex(where: isSpace) {
            let annotation = collapsed(String(String.UnicodeScalarView(tag[space...])))
            if !annotation.isEmpty { voice = annotation }
          }
          index = close + 1
          continue
        }
      } else if scalar == "{", index + 1 < scalars.count, scalars[index + 1] == "\\",
        let close = scalars[index...].prefix(256).firstIndex(of: "}")
      {
        index = close + 1
        continue
      }
      text.append(scalar)
      index += 1
    }
    var plain = cleaned(String(text))
    if let voice { return CaptionCue(start: timing.start, end: timing.end, speaker: voice, text: plain) }
    if let (name, rest) = label(plain) {
      plain = rest
      return CaptionCue(start: timing.start, end: timing.end, speaker: name, text: plain)
    }
    return CaptionCue(start: timing.start, end: timing.end, speaker: previous, text: plain)
  }

  private static let subRipTags: Set<String> = ["i", "b", "u", "s", "font", "v"]

  /// `Name: text` at the start of a card: a name of at most four words that starts with a capital
  /// and holds only letters, digits, spaces, hyphens, underscores, apostrophes and full stops
  /// (`Sarah`, `Jan de Vries`, `Speaker 2`), so that `Let op: …` may pass for one, but not `om 10:30`.
  static func label(_ text: String) -> (name: String, rest: String)? {
    guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 40 else { return nil }
    let name = text[..<colon]
    let after = text[text.index(after: colon)...]
    guard let first = name.first, first.isUppercase, !name.hasSuffix(" "),
      name.allSatisfy({ $0.isLetter || $0.isNumber || " -_'’.".contains($0) }),
      name.split(separator: " ").count <= 4, after.isEmpty || after.first == " " || after.first == "\n"
    else { return nil }
    return (String(name), cleaned(String(after)))
  }

  private static func joined(_ bytes: [UInt8], _ lines: [Range<Int>]) -> String {
    lines.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
  }

  /// A character reference at `index` (`&amp;`, `&#60;`, `&#x3C;`) and its length.
  private static func reference(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
    guard let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else { return nil }
    let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
    let length = semicolon - index + 1
    if let named = named[body] { return (named, length) }
    guard body.hasPrefix("#") else { return nil }
    let number = body.dropFirst()
    let value = number.first == "x" || number.first == "X" ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
    guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }

  private static let named: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "lrm": "\u{200E}", "rlm": "\u{200F}", "nbsp": "\u{A0}", "quot": "\"",
    "apos": "'",
  ]

  private static func decoded(_ scalars: [Unicode.Scalar]) -> String {
    var text = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "&", let (character, length) = reference(scalars, at: index) {
        text.append(character)
        index += length
      } else {
        text.append(scalars[index])
        index += 1
      }
    }
    return String(text)
  }

  /// Runs of white space as one space, trimmed: a name on one line.
  private static func collapsed(_ text: String) -> String {
    cleaned(text).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  private static func trimmed(_ line: Substring) -> Substring {
    let start = line.firstIndex { $0 != " " } ?? line.endIndex
    let end = line.lastIndex { $0 != " " }.map { line.index(after: $0) } ?? start
    return line[start..<max(start, end)]
  }

  /// Control characters out (a tab becomes a space), each line trimmed, blank lines dropped.
  static func cleaned(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        kept.append(" ")
      } else if scalar == "\n" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value >= 0xFFFE && scalar.value <= 0xFFFF) {
        kept.append(scalar)
      }
    }
    return String(kept).split(separator: "\n").map(trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
  }
}
