/// What a URL's host may be in the catalogue, and so in everything built from it: letters, digits,
/// `-` and `.`, or a bracketed IPv6 address. Nothing that could widen or break a
/// Content-Security-Policy the host ends up in (`*`, `;`, spaces); the video pages check their
/// origins with this too.
public enum HostName {
  public static func isValid(_ host: String) -> Bool {
    if host.hasPrefix("[") {
      return host.hasSuffix("]") && host.count > 2 && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
    // Byte by byte: a character is an ASCII letter, digit, `-` or `.` exactly when it is one such
    // byte, and asking each character for its Unicode properties was half of this check's time.
    return !host.isEmpty && host.utf8.allSatisfy(isHostByte)
  }

  private static func isHostByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "."):
      true
    default:
      false
    }
  }

  /// A host on a domain RFC 2606 reserves for examples (https://www.rfc-editor.org/rfc/rfc2606#section-3):
  /// `example.com`, `example.net`, `example.org`, the `.example` top-level domain, and their
  /// subdomains; or one of the top-level domains it reserves as never resolving publicly
  /// (section 2): `.invalid` and `.localhost`. Nothing a listener can reach is ever served there, so
  /// a catalogue URL on one is a placeholder. (`.test` is left to the producer's own tests.)
  public static func isReservedExample(_ host: some StringProtocol) -> Bool {
    // The last label that isn't empty, found by index: asked for every URL an episode has.
    var end = host.endIndex
    while end > host.startIndex, host[host.index(before: end)] == "." { end = host.index(before: end) }
    let start = host[..<end].lastIndex(of: ".").map { host.index(after: $0) } ?? host.startIndex
    let last = start < end ? host[start..<end] : nil
    if let last, last.utf8.count == 7 || last.utf8.count == 9, ["invalid", "localhost"].contains(last.lowercased()) {
      return true
    }
    // Nearly every host lacks the word: a look at the bytes decides before anything is allocated.
    guard containsExample(host.utf8) else { return false }
    var host = host.lowercased()
    if host.hasSuffix(".") { host.removeLast() }
    for domain in ["example", "example.com", "example.net", "example.org"]
    where host == domain || host.hasSuffix("." + domain) {
      return true
    }
    return false
  }

  /// Whether "example" occurs, in any case.
  private static func containsExample(_ utf8: some Collection<UInt8>) -> Bool {
    let word = Array("example".utf8)
    var matched = 0
    for byte in utf8 {
      let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
      if lower == word[matched] {
        matched += 1
        if matched == word.count { return true }
      } else {
        matched = lower == word[0] ? 1 : 0
      }
    }
    return false
  }
}
