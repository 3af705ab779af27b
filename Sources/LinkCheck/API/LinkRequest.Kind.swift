extension LinkRequest {
  /// What the URL is for. Decides which rules apply: Apple's HEAD and range rule, for example,
  /// covers media and artwork only.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case enclosure
    case artwork
    case transcript
    case chapters
    case feed
    case other
  }
}
