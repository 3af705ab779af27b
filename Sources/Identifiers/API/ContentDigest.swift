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

  /// The same for bytes where they are, without copying them first.
  public static func sha256(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    digest.withUnsafeMutableBufferPointer { out in
      _ = SHA256(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, out.baseAddress)
    }
    return digest
  }

  /// SHA-256 of bytes given a piece at a time: a digest of many parts without an array of all
  /// of them first.
  public final class SHA256Stream {
    private let context = EVP_MD_CTX_new()

    public init() { _ = EVP_DigestInit_ex(context, EVP_sha256(), nil) }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    /// The digest of every piece given; call it once.
    public func finish() -> [UInt8] {
      var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      _ = EVP_DigestFinal_ex(context, &digest, &length)
      return Array(digest.prefix(Int(length)))
    }
  }

  /// `'sha256-…'` as a CSP source: lets exactly this inline text through, nothing else.
  public static func cspSource(_ text: String) -> String {
    "'sha256-" + Data(sha256(Data(text.utf8))).base64EncodedString() + "'"
  }

  /// SHA-256 of a file's bytes as lower-case hex, read in pieces so a large video is never in
  /// memory whole. Nil when the file can't be read.
  public static func sha256Hex(ofFileAt url: URL) -> String? {
    digest(ofFileAt: url, EVP_sha256()).map(hex)
  }

  /// The Subresource Integrity string (https://www.w3.org/TR/SRI/#the-integrity-attribute) of a
  /// file's bytes: `sha384-` and the base64 SHA-384, as `podcast:integrity` carries it. Nil when
  /// the file can't be read.
  public static func sri(ofFileAt url: URL) -> String? {
    digest(ofFileAt: url, EVP_sha384()).map(sri)
  }

  static func sri(_ sha384: [UInt8]) -> String { "sha384-" + Data(sha384).base64EncodedString() }

  /// The same for bytes in memory: a transcript or chapters file as Podium writes it.
  public static func sri(_ data: some DataProtocol) -> String {
    let bytes = Array(data)
    var digest = [UInt8](repeating: 0, count: 48)
    bytes.withUnsafeBufferPointer { input in
      digest.withUnsafeMutableBufferPointer { out in
        _ = SHA384(input.baseAddress, input.count, out.baseAddress)
      }
    }
    return "sha384-" + Data(digest).base64EncodedString()
  }

  private static func digest(ofFileAt url: URL, _ algorithm: OpaquePointer?) -> [UInt8]? {
    digests(ofFileAt: url, [algorithm])?.first
  }

  /// The digests of a file's bytes with each algorithm, in one read.
  static func digests(ofFileAt url: URL, _ algorithms: [OpaquePointer?]) -> [[UInt8]]? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    let contexts = algorithms.map { _ in EVP_MD_CTX_new() }
    defer {
      contexts.forEach { EVP_MD_CTX_free($0) }
      try? handle.close()
    }
    for (context, algorithm) in zip(contexts, algorithms) {
      guard context != nil, EVP_DigestInit_ex(context, algorithm, nil) == 1 else { return nil }
    }
    while true {
      let read: Data?
      do { read = try handle.read(upToCount: 1 << 20) } catch { return nil }
      // Foundation gives nil (or, elsewhere, no bytes) at the end of the file.
      guard let chunk = read, !chunk.isEmpty else { break }
      let updated = chunk.withUnsafeBytes { bytes in
        contexts.allSatisfy { EVP_DigestUpdate($0, bytes.baseAddress, bytes.count) == 1 }
      }
      guard updated else { return nil }
    }
    var result: [[UInt8]] = []
    for context in contexts {
      var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { return nil }
      result.append(Array(digest.prefix(Int(length))))
    }
    return result
  }

  /// Lower-case hex, as S3 metadata and manifests write digests.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
