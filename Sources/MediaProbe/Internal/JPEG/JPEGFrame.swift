/// A JPEG frame header (SOFn): the size and components of the image, which come before any scan.
struct JPEGFrame: Equatable {
  var marker: UInt8
  var width: Int
  var height: Int
  var components: Int

  /// SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
  static func isFrameMarker(_ code: UInt8) -> Bool {
    (0xC0...0xCF).contains(code) && code != 0xC4 && code != 0xC8 && code != 0xCC
  }

  /// SOF2, SOF6, SOF10 and SOF14 code the image in several passes, coarse to fine.
  var progressive: Bool { marker & 0x03 == 0x02 }

  /// `grayscale`, `rgb` (YCbCr or RGB), `cmyk`, or `ycck` when Adobe's APP14 marker says the four
  /// components were transformed (transform 2); nil for unusual component counts.
  func colourModel(adobeTransform: Int?) -> String? {
    switch components {
    case 1: "grayscale"
    case 3: "rgb"
    case 4: adobeTransform == 2 ? "ycck" : "cmyk"
    default: nil
    }
  }

  /// Reads the header of the segment at `offset`, whose marker and length were checked.
  ///
  /// - Returns: The frame, or what is wrong with it as a message.
  static func read(
    _ window: inout ImageWindow<some ByteSource>, at offset: Int64, length: Int
  ) throws(ProbeFailure) -> Result<JPEGFrame, ImageProblem> {
    let marker = window.u8(offset + 1)
    let name = JPEGMarker.name(marker)
    guard length >= 8, try window.load(offset + 4, count: length - 2) else {
      return .failure(.malformed("the \(name) frame header at byte \(offset) is \(length) bytes, too short for one"))
    }
    let frame = JPEGFrame(
      marker: marker, width: window.u16be(offset + 7), height: window.u16be(offset + 5),
      components: Int(window.u8(offset + 9)))
    guard frame.components > 0, length >= 8 + 3 * frame.components else {
      return .failure(
        .malformed(
          "the \(name) frame header at byte \(offset) lists \(frame.components) components in \(length) bytes"))
    }
    guard frame.width > 0 else {
      return .failure(.malformed("the \(name) frame header at byte \(offset) gives a width of 0"))
    }
    return .success(frame)
  }
}
