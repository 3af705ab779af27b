import Foundation
internal import CCrypto

/// The Podcasting 2.0 `podcast:guid`: a UUIDv5 of the feed URL, so every host that sees the same
/// feed computes the same id. Computed once and then kept, even when the URL later changes.
public enum PodcastGUID {
  /// The namespace UUID the Podcasting 2.0 spec fixes for feed GUIDs.
  /// `ead4c236-bf58-58c6-a2c6-a6b28d128cb6`
  public static let namespace = UUID(uuid: (
    0xEA, 0xD4, 0xC2, 0x36, 0xBF, 0x58, 0x58, 0xC6, 0xA2, 0xC6, 0xA6, 0xB2, 0x8D, 0x12, 0x8C, 0xB6
  ))

  /// The GUID for a feed URL: scheme and trailing slashes removed, then UUIDv5.
  public static func forFeedURL(_ url: String) -> String {
    var text = url
    if let range = text.range(of: "://") { text = String(text[range.upperBound...]) }
    while text.hasSuffix("/") { text.removeLast() }
    return UUIDv5.make(namespace: namespace, name: text).uuidString.lowercased()
  }
}

/// Name-based UUIDs (RFC 9562 §5.5), with SHA-1 from OpenSSL's libcrypto.
public enum UUIDv5 {
  public static func make(namespace: UUID, name: String) -> UUID {
    var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
    input.append(contentsOf: Array(name.utf8))
    var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
    input.withUnsafeBufferPointer { bytes in
      digest.withUnsafeMutableBufferPointer { out in
        _ = SHA1(bytes.baseAddress, bytes.count, out.baseAddress)
      }
    }
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    return UUID(uuid: (
      digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
      digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
    ))
  }
}
