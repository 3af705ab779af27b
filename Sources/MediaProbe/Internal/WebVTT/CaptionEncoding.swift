/// WebVTT is UTF-8 (https://www.w3.org/TR/webvtt1/#file-structure), and Podium publishes every
/// transcript form as UTF-8: a caption file in another encoding would reach apps as mojibake.
/// Control characters (other than tab) show as nothing or as boxes, and XML and HTML can't carry
/// most of them, so they are reported too.
enum CaptionEncoding {
  /// The first line that isn't valid UTF-8 or holds a control character, as a problem to report.
  static func firstProblem(_ bytes: [UInt8], from start: Int) -> CaptionProblem? {
    var line = 1
    var index = start
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes[start...].makeIterator()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = Unicode.UTF8.decode(encoded)
        index += encoded.count
        if scalar == "\n" || (scalar == "\r" && (index >= bytes.count || bytes[index] != 0x0A)) {
          line += 1
        } else if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" || (0x7F...0x9F).contains(scalar.value)
          || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        {
          let code = String(scalar.value, radix: 16, uppercase: true)
          return CaptionProblem(
            line: line,
            "a control character, U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which no "
              + "app shows; remove it")
        }
      case .error:
        return CaptionProblem(
          line: line, "the text is not valid UTF-8; save the file as UTF-8 (WebVTT requires it, and Podium publishes UTF-8)")
      case .emptyInput:
        return nil
      }
    }
  }
}
