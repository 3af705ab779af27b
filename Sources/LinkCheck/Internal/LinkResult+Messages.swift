import Diagnostics

/// The text of each finding: what is wrong, with the evidence, and what to do about it.
extension LinkResult {
  func downgradeMessage(_ hop: Redirect) -> String {
    "\(request.url) redirects from \(hop.from) to \(hop.to), leaving https for plain http; apps that "
      + "require https refuse it and the download can be tampered with. Serve it over https all the way."
  }

  func errorMessages(_ error: LinkError) -> [(Rule, String)] {
    let url = request.url
    switch error {
    case .insecureRedirect:
      return []  // The downgrade finding names both URLs.
    case .unsupportedScheme(let scheme):
      let what = scheme.isEmpty ? "has no scheme" : "uses \(scheme):"
      if let hop = redirects.last {
        return [(LinkRules.scheme, "\(url) redirects to \(hop.to), which \(what); podcast apps fetch only "
          + "http and https, so it was not followed. Redirect to an https URL.")]
      }
      return [(LinkRules.scheme, "\(url) \(what), which podcast apps do not fetch; it was not requested. "
        + "Use an https URL.")]
    case .http(let status):
      let via = redirects.isEmpty ? "" : " (at \(finalURL))"
      return [(LinkRules.status, "\(url) answered \(HTTPStatus.describe(status))\(via). \(HTTPStatus.advice(status))")]
    case .timeout(let seconds):
      return [(LinkRules.timeout, "\(url) did not answer completely within \(Seconds.format(seconds)); the server "
        + "stalled or is too slow for apps, which give up too. Check the host.")]
    case .tooManyRedirects(let count):
      let loop = Set(redirects.map(\.to)).count < redirects.count ? "they loop: " : ""
      return [(LinkRules.redirectLimit, "\(url) redirects more than \(count) times; \(loop)\(chainText()). "
        + "Fix the redirects so they end at the file.")]
    case .tls(let message):
      return [(LinkRules.tls, "TLS failed for \(url): \(message). Fix the server's certificate or TLS set-up.")]
    case .unresolvableHost(let host):
      return [(LinkRules.unreachable, "\(url) is unreachable: no DNS address for \(host). Check the host name.")]
    case .connectionRefused:
      return [(LinkRules.unreachable, "\(url) is unreachable: the connection was refused. Check that the server is up.")]
    case .refusedAddress(let address, let reason):
      let via = redirects.last.map { " (redirected to \($0.to))" } ?? ""
      return [(LinkRules.address, "\(url)\(via) leads to \(address), \(reason); Podium does not connect there, "
        + "as such an address can hand out cloud credentials. Point the URL at the public server that hosts the file.")]
    case .tooLarge, .other:
      return [(LinkRules.unreachable, "\(url) could not be checked: \(error).")]
    }
  }

  func serverMessages() -> [(Rule, String)] {
    var messages: [(Rule, String)] = []
    let url = request.url
    if request.kind == .enclosure || request.kind == .artwork {
      if headAllowed == false {
        messages.append((LinkRules.headAndRange, "\(url) refuses HEAD requests (GET works); Apple Podcasts "
          + "sends HEAD to check media and artwork. Allow HEAD on the server."))
      }
      if rangeSupported == false {
        messages.append((LinkRules.headAndRange, "\(url) ignores byte ranges: Range: bytes=0-1 was answered "
          + "\(status.map(String.init) ?? "without") instead of 206 Partial Content; apps cannot seek or resume, "
          + "and Apple rejects the feed. Enable range requests on the server."))
      }
    }
    if let length = lengthMessage() { messages.append(length) }
    if let type = typeMessage() { messages.append((LinkRules.contentType, type)) }
    return messages
  }

  func redirectMessage() -> String? {
    guard !redirects.isEmpty, error == nil || error.map(isHTTPError) == true else { return nil }
    let count = redirects.count == 1 ? "once" : "\(redirects.count) times"
    let advice =
      redirects.isPermanent
      ? "all permanent: use \(finalURL) in the catalogue."
      : "not all permanent (301/308): use the final URL, or make a lasting move permanent."
    return "\(request.url) redirects \(count): \(chainText()); \(advice)"
  }

  func slowMessage() -> String? {
    guard let seconds = timeToFirstByte, seconds > LinkRules.slowThreshold else { return nil }
    return "\(request.url) took \(Seconds.format(seconds)) to the first byte (over "
      + "\(Seconds.format(LinkRules.slowThreshold))); listeners wait that long before playback starts."
  }
}

extension LinkResult {
  private func lengthMessage() -> (Rule, String)? {
    guard let expected = request.expectedLength, let actual = contentLength, expected != actual else { return nil }
    let rule = request.kind == .enclosure ? LinkRules.enclosureLength : LinkRules.length
    return (rule, "\(request.url) is \(actual) bytes on the server, but the catalogue declares \(expected); "
      + "apps show the wrong size and directories reject it. Declare \(actual), or upload the right file.")
  }

  private func typeMessage() -> String? {
    guard let expected = request.expectedType, !ContentType.matches(expected, contentType) else { return nil }
    let served = contentType.map { "served as \($0)" } ?? "served without a Content-Type"
    return "\(request.url) is \(served), but the catalogue declares \(expected); apps save and play files "
      + "by the server's type. Make the server send \(expected)."
  }

  /// `a →301→ b →302→ c`.
  private func chainText() -> String {
    guard let first = redirects.first else { return request.url }
    return redirects.reduce(first.from) { text, hop in "\(text) →\(hop.status)→ \(hop.to)" }
  }

  private func isHTTPError(_ error: LinkError) -> Bool {
    if case .http = error { return true }
    return false
  }
}
