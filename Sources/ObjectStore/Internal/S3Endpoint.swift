/// Where requests go: the endpoint split into its parts, the bucket, and how the bucket is named
/// in URLs. Builds every request URL in the canonical form libcurl signs as it is.
struct S3Endpoint: Sendable, Hashable {
  var scheme: String
  /// Host and optional port, as written in the endpoint.
  var authority: String
  /// A path under which the service lives, without trailing `/`; usually empty.
  var basePath: String
  var bucket: String
  var addressing: S3Store.Addressing

  /// Parses `http(s)://host[:port][/path]`.
  static func parse(_ endpoint: String, bucket: String, addressing: S3Store.Addressing) throws(ObjectStoreError)
    -> S3Endpoint
  {
    guard let separator = endpoint.range(of: "://") else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidEndpoint",
        message: "Cannot publish: the endpoint \(endpoint) is not a URL; write it as https://host or http://host:port.")
    }
    let scheme = endpoint[..<separator.lowerBound].lowercased()
    guard scheme == "http" || scheme == "https" else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidEndpoint",
        message:
          "Cannot publish: the endpoint \(endpoint) must start with https:// (or http:// for a server on this machine)."
      )
    }
    let rest = endpoint[separator.upperBound...]
    let authority = String(rest.prefix { $0 != "/" })
    let path = String(rest.dropFirst(authority.count))
    guard !authority.contains("@") else {
      // Not echoed: what precedes the @ may be a key.
      throw ObjectStoreError(
        kind: .local, code: "InvalidEndpoint",
        message:
          "Cannot publish: the endpoint URL holds a user name or key; give only scheme, host and port, and the keys in the environment."
      )
    }
    guard !authority.isEmpty, !rest.contains("?"), !rest.contains("#"),
      authority.allSatisfy({ $0.isASCII && !$0.isWhitespace })
    else {
      throw ObjectStoreError(
        kind: .local, code: "InvalidEndpoint",
        message:
          "Cannot publish: the endpoint \(endpoint) must be only scheme, host and port, without query or fragment.")
    }
    guard scheme == "https" || isLoopback(authority) else {
      // Over plain HTTP anyone on the way could read the uploads and swap a part's bytes (parts
      // are sent unsigned); only a server on this machine is safe to reach so.
      throw ObjectStoreError(
        kind: .local, code: "InvalidEndpoint",
        message:
          "Cannot publish: the endpoint \(endpoint) is plain http:// on another machine; use https:// (http:// only for a server on this machine)."
      )
    }
    var base = path
    while base.hasSuffix("/") { base.removeLast() }
    return S3Endpoint(scheme: scheme, authority: authority, basePath: base, bucket: bucket, addressing: addressing)
  }

  /// Whether `host[:port]` names this machine: `localhost`, 127.0.0.0/8 or `[::1]`.
  private static func isLoopback(_ authority: String) -> Bool {
    let host =
      authority.hasPrefix("[") ? String(authority.prefix { $0 != "]" }) + "]" : String(authority.prefix { $0 != ":" })
    let name = host.lowercased()
    return name == "localhost" || name == "[::1]" || (name.hasPrefix("127.") && name.allSatisfy { $0.isNumber || $0 == "." })
  }

  /// The endpoint as the producer wrote it, for messages.
  var display: String { "\(scheme)://\(authority)\(basePath)" }

  /// The URL of the bucket (`key` nil) or of an object (`key` is the full key, prefix included).
  func url(key: String?, query: [(String, String)] = []) -> String {
    var url: String
    switch addressing {
    case .path:
      url = "\(scheme)://\(authority)\(basePath)/\(S3Encoding.encode(bucket))"
      if let key { url += "/" + S3Encoding.encode(key, keepingSlash: true) }
    case .virtualHosted:
      url = "\(scheme)://\(bucket).\(authority)\(basePath)/"
      if let key { url += S3Encoding.encode(key, keepingSlash: true) }
    }
    if !query.isEmpty { url += "?" + S3Encoding.query(query) }
    return url
  }
}
