/// Names of JPEG markers (ITU T.81 table B.1), for findings people can look up.
enum JPEGMarker {
  /// `APP1 (FF E1)`, `SOF2 (FF C2)`, `RST3 (FF D3)`.
  static func name(_ code: UInt8) -> String {
    "\(mnemonic(code)) (FF \(ImageProblem.hex(code)))"
  }

  /// Markers that stand alone, without a length: TEM and the restart markers.
  static func isStandalone(_ code: UInt8) -> Bool {
    code == 0x01 || (0xD0...0xD7).contains(code)
  }

  private static func mnemonic(_ code: UInt8) -> String {
    switch code {
    case 0xC4: "DHT"
    case 0xC8: "JPG"
    case 0xCC: "DAC"
    case 0xC0...0xCF: "SOF\(code - 0xC0)"
    case 0xD0...0xD7: "RST\(code - 0xD0)"
    case 0xD8: "SOI"
    case 0xD9: "EOI"
    case 0xDA: "SOS"
    case 0xDB: "DQT"
    case 0xDC: "DNL"
    case 0xDD: "DRI"
    case 0xE0...0xEF: "APP\(code - 0xE0)"
    case 0xFE: "COM"
    default: "marker"
    }
  }
}
