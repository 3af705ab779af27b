internal import CCrypto
import Foundation

/// SHA-256 of some bytes: names content by what it is, as in a Content-Security-Policy hash.
public enum ContentDigest {
  public static func sha256(_ data: some DataProtocol) -> [UInt8] {
    let bytes = Array(data)
    var digest = [UInt8](repeating: 0, count: 32)
    bytes.withUnsafeBufferPointer { input in
      digest.withUnsafeMutableBufferPointer { out in
        _ = SHA256(input.baseAddress, input.count, out.baseAddress)
      }
    }
    return digest
  }

  /// `'sha256-…'` as a CSP source: lets exactly this inline text through, nothing else.
  public static func cspSource(_ text: String) -> String {
    "'sha256-" + Data(sha256(Data(text.utf8))).base64EncodedString() + "'"
  }
}
