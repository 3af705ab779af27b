import Foundation

/// Which resolved addresses Podium refuses to connect to: link-local addresses, where cloud
/// metadata services answer with credentials (169.254.169.254 on AWS, Google Cloud and Azure),
/// and the other known metadata addresses. A catalogue or a feed's server can redirect anywhere;
/// checked at connect time on the address DNS gave, so a host name pointing there is refused too.
/// Loopback stays allowed, for servers run during development.
enum AddressPolicy {
  /// Why an address is refused, in the words of the finding.
  enum Refusal: Equatable {
    case linkLocal
    case cloudMetadata
    /// Only when the caller asked for public addresses alone.
    case loopback

    var description: String {
      switch self {
      case .linkLocal: "a link-local address, where cloud metadata services answer"
      case .cloudMetadata: "a cloud metadata address"
      case .loopback: "this machine's loopback address, while a public server was expected"
      }
    }
  }

  /// The refusal for an IPv4 address in network byte order, or nil when it may be used.
  static func refusal(ipv4 address: in_addr) -> Refusal? {
    let value = UInt32(bigEndian: address.s_addr)
    if value >> 16 == 0xA9FE { return .linkLocal }  // 169.254.0.0/16
    if value == 0x6464_64C8 { return .cloudMetadata }  // 100.100.100.200, Alibaba Cloud
    return nil
  }

  /// The refusal for an IPv6 address, or nil when it may be used. An IPv4-mapped address
  /// (`::ffff:169.254.169.254`) is judged as the IPv4 address it carries.
  static func refusal(ipv6 address: in6_addr) -> Refusal? {
    let bytes = withUnsafeBytes(of: address) { Array($0) }
    if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return .linkLocal }  // fe80::/10
    if bytes == awsMetadata { return .cloudMetadata }
    if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
      var mapped = in_addr()
      withUnsafeMutableBytes(of: &mapped) { $0.copyBytes(from: bytes[12..<16]) }
      return refusal(ipv4: mapped)
    }
    return nil
  }

  /// fd00:ec2::254, the AWS metadata service over IPv6.
  private static let awsMetadata: [UInt8] = [0xFD, 0x00, 0x0E, 0xC2] + Array(repeating: 0, count: 10) + [0x02, 0x54]

  /// The loopback refusal for a socket address on this machine's loopback (127.0.0.0/8, ::1,
  /// ::ffff:127.x), with the address as text; nil for any other address.
  static func loopbackRefusal(_ address: UnsafePointer<sockaddr>) -> (address: String, refusal: Refusal)? {
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
      let ipv4 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in.self).sin_addr
      return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127 ? (text(ipv4, family: AF_INET), .loopback) : nil
    case AF_INET6:
      let ipv6 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in6.self).sin6_addr
      let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
      let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
      let loopback = bytes == [UInt8](repeating: 0, count: 15) + [1] || (mapped && bytes[12] == 127)
      return loopback ? (text(ipv6, family: AF_INET6), .loopback) : nil
    default:
      return nil
    }
  }

  /// The refusal for a socket address as libcurl hands it over, with the address as text.
  static func refusal(_ address: UnsafePointer<sockaddr>) -> (address: String, refusal: Refusal)? {
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
      let ipv4 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in.self).sin_addr
      return refusal(ipv4: ipv4).map { (text(ipv4, family: AF_INET), $0) }
    case AF_INET6:
      let ipv6 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in6.self).sin6_addr
      return refusal(ipv6: ipv6).map { (text(ipv6, family: AF_INET6), $0) }
    default:
      return nil
    }
  }

  private static func text<Address>(_ address: Address, family: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    var copy = address
    let ok = withUnsafePointer(to: &copy) { inet_ntop(family, $0, &buffer, socklen_t(buffer.count)) } != nil
    return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
  }
}
