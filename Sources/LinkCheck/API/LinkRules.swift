public import Diagnostics

/// What `podium validate --remote` checks on the servers that host a show's files.
public enum LinkRules {
  static let remote = "Podium remote check (podium validate --remote, docs/safety.md)"
  static let apple = "Apple Podcasts requirements, https://podcasters.apple.com/support/823-podcast-requirements"

  public static let headAndRange = Rule(
    id: "APPLE-HEAD-RANGE", severity: .error, source: apple,
    summary: "Servers of media and artwork answer HEAD and byte ranges (206 for Range: bytes=0-1).")
  /// Enclosures only: Apple and Spotify show and check the real size. Other files use `length`.
  public static let enclosureLength = Rule(
    id: "APPLE-ENC-LENGTH", severity: .error, source: apple,
    summary: "An enclosure's declared length equals the size the server reports.")
  public static let length = Rule(
    id: "REMOTE-LENGTH", severity: .warning, source: remote,
    summary: "A declared length (other than an enclosure's) equals the size the server reports.")
  public static let contentType = Rule(
    id: "CLIENT-ENC-TYPE", severity: .warning,
    source: "Podcast apps: Apple Podcasts saved a download without its extension, https://github.com/akhilrex/podgrab/issues/121",
    summary: "The server's Content-Type matches the declared type; apps save files by it.")
  public static let redirect = Rule(
    id: "CLIENT-REDIRECT", severity: .warning,
    source: "Podcast apps: AntennaPod keeps a moved address only after a 301 or 308, https://github.com/AntennaPod/AntennaPod/issues/1393",
    summary: "URLs point at the file, not at a redirect; a moved URL uses a permanent redirect (301/308).")
  public static let redirectLimit = Rule(
    id: "REMOTE-REDIRECT-LIMIT", severity: .error, source: remote,
    summary: "A redirect chain ends within the limit and does not loop.")
  public static let httpsDowngrade = Rule(
    id: "REMOTE-HTTPS-DOWNGRADE", severity: .error, source: remote,
    summary: "No redirect leads from https to http.")
  public static let status = Rule(
    id: "REMOTE-STATUS", severity: .error, source: remote,
    summary: "The URL answers with a success status, not 4xx or 5xx.")
  public static let unreachable = Rule(
    id: "REMOTE-UNREACHABLE", severity: .error, source: remote,
    summary: "The host resolves and accepts connections.")
  public static let address = Rule(
    id: "REMOTE-ADDRESS", severity: .error, source: remote,
    summary: "URLs and their redirects lead to public hosts, never to link-local or cloud metadata addresses.")
  public static let timeout = Rule(
    id: "REMOTE-TIMEOUT", severity: .error, source: remote,
    summary: "The server answers completely within the timeout.")
  public static let tls = Rule(
    id: "REMOTE-TLS", severity: .error, source: remote,
    summary: "https URLs complete a TLS handshake with a valid certificate.")
  public static let scheme = Rule(
    id: "REMOTE-SCHEME", severity: .error, source: remote,
    summary: "URLs use http or https, the only schemes podcast apps fetch.")
  public static let slow = Rule(
    id: "REMOTE-SLOW", severity: .info, source: remote,
    summary: "The first byte arrives within 2 seconds.")

  /// Seconds to first byte above which `slow` is reported.
  public static let slowThreshold = 2.0

  public static let all: [Rule] = [
    headAndRange, enclosureLength, length, contentType, redirect, redirectLimit, httpsDowngrade, status,
    unreachable, address, timeout, tls, scheme, slow,
  ]
}
