import Yams

/// Reads `podium.yaml`.
enum SiteReader {
  static let keys = ["base_url", "media_base_url", "language", "publisher", "owner", "copyright", "website", "title"]

  static func read(_ node: Node, collector: FindingCollector) -> Site? {
    guard let reader = MappingReader(node, known: keys, collector: collector, lineOffset: 0, what: "podium.yaml")
    else { return nil }
    let base = reader.httpsURL("base_url", required: true)
    let media = reader.httpsURL("media_base_url", required: true)
    let language = reader.string("language", required: true)
    if let language, !LanguageTag.isValid(language) {
      reader.report(CatalogueRules.language, "'\(language)' is not a language code such as nl-BE", key: "language")
    }
    let publisher = reader.shortText("publisher", required: true)
    var owner: Owner?
    if let item = reader.mapping("owner", known: ["name", "email"]),
      let name = item.string("name", required: true), let email = item.string("email", required: true)
    {
      if !email.contains("@") { item.report(CatalogueRules.badValue, "'\(email)' is not an email address", key: "email") }
      owner = Owner(name: name, email: email)
    }
    let website = reader.httpsURL("website")
    guard let base, let media, let language, let publisher else { return nil }
    return Site(
      baseURL: URLCheck.withTrailingSlash(base), mediaBaseURL: URLCheck.withTrailingSlash(media), language: language,
      publisher: publisher, owner: owner, copyright: reader.string("copyright"), website: website,
      title: reader.string("title"))
  }
}
