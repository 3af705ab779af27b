import Diagnostics
import PodcastVocabulary

/// Reads `podium.yaml`.
enum SiteReader {
  static let keys = [
    "base_url", "media_base_url", "language", "publisher", "owner", "copyright", "website", "title", "rules",
    "analytics_prefix", "publish",
  ]

  static func read(_ document: YAMLDocument, collector: FindingCollector) -> Site? {
    guard let reader = MappingReader(document, known: keys, collector: collector, what: "podium.yaml")
    else { return nil }
    let base = reader.baseURL("base_url")
    let media = reader.baseURL("media_base_url")
    // Checked where it ends up, as a show's <language>, by the feed rules (APPLE-CH-LANGUAGE).
    let language = reader.string("language", required: true)
    let publisher = reader.shortText("publisher", required: true)
    var owner: Owner?
    if let item = reader.mapping("owner", known: ["name", "email"]),
      let name = item.plainText("name", required: true, isName: true), let email = item.email("email", required: true)
    {
      owner = Owner(name: name, email: email)
    }
    let website = reader.httpsURL("website")
    let rules = ruleSettings(reader)
    guard let base, let media, let language, let publisher else { return nil }
    var site = Site(
      baseURL: URLCheck.withTrailingSlash(base), mediaBaseURL: URLCheck.withTrailingSlash(media), language: language,
      publisher: publisher, owner: owner, copyright: reader.plainText("copyright"), website: website,
      title: reader.plainText("title", isName: true))
    site.rules = rules
    site.analyticsPrefix = reader.httpsURL("analytics_prefix").map(AnalyticsPrefix.init)
    if let publish = reader.mapping("publish", known: PublishReader.keys) { site.publish = PublishReader.read(publish) }
    site.lines = reader.lines.dictionary
    return site
  }
}

extension SiteReader {
  /// `rules: { RULE-ID: { severity: off|info|warning|error, reason: "…" } }`
  static func ruleSettings(_ reader: MappingReader) -> [String: RuleSetting] {
    var settings: [String: RuleSetting] = [:]
    for (id, item) in reader.namedMappings(
      "rules", known: ["severity", "reason"], what: "a mapping of rule ids to settings")
    {
      let reason = item.string("reason", required: true, hint: " (say why, so reviewers know)")
      guard let text = item.string("severity", required: true, hint: " (off, info, warning or error)"), let reason else {
        continue
      }
      let severity: Severity?
      switch text {
      case "off": severity = nil
      case "info": severity = .info
      case "warning": severity = .warning
      case "error": severity = .error
      default:
        item.report(CatalogueRules.badValue, "severity must be off, info, warning or error, not '\(text)'", key: "severity")
        continue
      }
      settings[id] = RuleSetting(ruleID: id, severity: severity, reason: reason, line: item.line)
    }
    return settings
  }
}
