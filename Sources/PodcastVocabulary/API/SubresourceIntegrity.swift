import Foundation

/// Subresource Integrity strings (https://www.w3.org/TR/SRI/#the-integrity-attribute), the form
/// `podcast:integrity type="sri"` carries: `sha256-`, `sha384-` or `sha512-`, then the base64
/// digest of the right length; several may be given, separated by spaces.
public enum SubresourceIntegrity {
  private static let digestLengths = ["sha256": 32, "sha384": 48, "sha512": 64]

  public static func isValid(_ text: String) -> Bool {
    let hashes = text.split(separator: " ")
    return !hashes.isEmpty && hashes.allSatisfy { hash in
      guard let dash = hash.firstIndex(of: "-"), let length = digestLengths[String(hash[..<dash])] else { return false }
      // An option after `?` is allowed by the grammar and ignored here.
      let digest = hash[hash.index(after: dash)...].split(separator: "?", maxSplits: 1).first ?? ""
      return Data(base64Encoded: String(digest))?.count == length
    }
  }
}
