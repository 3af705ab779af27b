/// Percent-encoding as AWS Signature Version 4 wants it: every byte but the unreserved
/// `A-Z a-z 0-9 - . _ ~` as `%XX` in upper case, and `/` kept in object paths.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
///
/// libcurl 7.88 signs the path and query exactly as given, neither sorted nor re-encoded, so
/// every URL Podium sends is already in this canonical form.
enum S3Encoding {
  static func encode(_ text: String, keepingSlash: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: "/") where keepingSlash:
        out.append("/")
      default:
        let hex = Array("0123456789ABCDEF".utf8)
        out.append("%")
        out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
        out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
      }
    }
    return out
  }

  /// A canonical query string: parameters sorted by name, each with `=` even when its value is
  /// empty (`uploads=`), names and values encoded.
  static func query(_ parameters: [(String, String)]) -> String {
    parameters.map { (encode($0.0), encode($0.1)) }
      .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
      .map { "\($0.0)=\($0.1)" }
      .joined(separator: "&")
  }
}
