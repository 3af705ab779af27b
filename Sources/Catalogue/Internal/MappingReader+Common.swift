import Diagnostics
import PodcastVocabulary
import PodiumXML

/// Readers for the values that shows and episodes share.
extension MappingReader {
  static let personKeys = ["name", "role", "group", "img", "href"]
  static let fundingKeys = ["url", "text"]
  static let licenseKeys = ["name", "url"]
  static let locationKeys = ["name", "geo", "osm", "country", "rel"]

  func persons(_ key: String) -> [Person] {
    mappingList(key, known: Self.personKeys).compactMap { item in
      guard let name = item.plainText("name", required: true, isName: true) else { return nil }
      let role = (item.string("role") ?? "host").lowercased()
      let group = (item.string("group") ?? PersonTaxonomy.defaultGroup(forRole: role) ?? "cast").lowercased()
      // The role and group (P20-PERSON) and the name's length (P20-LEN-128) are the feed rules'
      // to check, in the feed as written: one rule, one implementation.
      return Person(
        name: name, role: role, group: group, img: item.httpsURL("img"), href: item.httpsURL("href"))
    }
  }

  func funding(_ key: String) -> [Funding] {
    mappingList(key, known: Self.fundingKeys).compactMap { item in
      guard let url = item.httpsURL("url", required: true), let text = item.plainText("text", required: true) else {
        return nil
      }
      return Funding(url: url, text: text)
    }
  }

  func license(_ key: String) -> License? {
    guard has(key) else { return nil }
    if isText(key), let text = peek(key) {
      guard let id = Licenses.canonical(text) else {
        report(
          CatalogueRules.license,
          "'\(text)' is not a known license id (\(Licenses.known.keys.sorted().joined(separator: ", "))); "
            + "for another license write name: and url:", key: key)
        return nil
      }
      return License(name: id)
    }
    guard let item = mapping(key, known: Self.licenseKeys),
      let name = item.string("name", required: true), let url = item.httpsURL("url", required: true)
    else { return nil }
    return License(name: Licenses.canonical(name) ?? name, url: url)
  }

  func location(_ key: String) -> Location? {
    guard let item = mapping(key, known: Self.locationKeys), let name = item.plainText("name", required: true, isName: true)
    else {
      return nil
    }
    if let country = item.string("country"), country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
      item.report(CatalogueRules.badValue, "country must be an ISO 3166 two-letter code such as BE", key: "country")
    }
    if let geo = item.string("geo"), !geo.hasPrefix("geo:") {
      item.report(CatalogueRules.badValue, "geo must be a geo URI such as geo:51.05,3.72", key: "geo")
    }
    return Location(
      name: name, geo: item.string("geo"), osm: item.string("osm"), country: item.string("country")?.uppercased(),
      rel: item.string("rel"))
  }

  /// An absolute https URL, reported when it is anything else.
  func httpsURL(_ key: String, required: Bool = false) -> String? {
    guard let text = string(key, required: required) else { return nil }
    guard URLCheck.isAbsoluteHTTPS(text) else {
      report(CatalogueRules.https, "'\(path)\(key)' must be an absolute https URL, not '\(text)'", key: key)
      return nil
    }
    checkPlaceholder(url: text, key: key)
    return text
  }

  /// `base_url` or `media_base_url`: an absolute https URL, or plain http on this machine's
  /// loopback address (a local bucket or test server). That one is still a P20-HTTPS error,
  /// which `rules:` may switch off for a test catalogue; any other http URL leaves the site unread.
  func baseURL(_ key: String) -> String? {
    guard let text = peek(key), URLCheck.isLoopbackHTTP(text) else { return httpsURL(key, required: true) }
    report(
      CatalogueRules.https,
      "'\(path)\(key)' must be an absolute https URL, not '\(text)': plain http on this machine suits a local test "
        + "only (to build for one, switch P20-HTTPS off under rules: in podium.yaml, with a reason)", key: key)
    return text
  }

  /// A URL on a reserved example domain is a placeholder nobody replaced: a warning, so that
  /// `build --strict` refuses to publish it.
  func checkPlaceholder(url: String, key: String) {
    guard let host = URLCheck.host(of: url[...]), HostName.isReservedExample(host) else { return }
    report(
      CatalogueRules.placeholder,
      "'\(path)\(key)' is on \(host), a domain reserved for examples (RFC 2606): a placeholder; "
        + "replace it with the real address before you publish", key: key)
  }

  /// An email address, reported when it has no `@` or is on a reserved example domain.
  func email(_ key: String, required: Bool = false) -> String? {
    guard let email = string(key, required: required) else { return nil }
    guard let at = email.lastIndex(of: "@") else {
      report(CatalogueRules.badValue, "'\(email)' is not an email address", key: key)
      return email
    }
    if HostName.isReservedExample(email[email.index(after: at)...]) {
      report(
        CatalogueRules.placeholder,
        "'\(path)\(key)' \(email) is on a domain reserved for examples (RFC 2606): a placeholder; "
          + "replace it with the real address before you publish", key: key)
    }
    return email
  }

  /// Plain text: a title, name, description or summary. Feed readers render HTML wherever it
  /// ends up (an item's `<description>` above all), so markup is refused rather than escaped
  /// into something a reader still renders (CAT-PLAIN-TEXT). Titles and names (`isName`) also
  /// may not hide characters (CAT-INVISIBLE-CHAR); text `podium init` left is a placeholder.
  func plainText(_ key: String, required: Bool = false, hint: String = "", isName: Bool = false) -> String? {
    guard let text = string(key, required: required, hint: hint) else { return nil }
    checkPlainText(text, key: key, isName: isName)
    return text
  }

  /// A list of plain-text words (keywords, themes, tags): each one shown as a title is.
  func plainTextList(_ key: String) -> [String] {
    let texts = stringList(key)
    for text in texts { checkPlainText(text, key: key, isName: true) }
    return texts
  }

  func checkPlainText(_ text: String, key: String, isName: Bool) {
    if let tag = HTMLMarkup.firstTag(in: text) {
      report(
        CatalogueRules.plainText,
        "'\(path)\(key)' holds the HTML markup '\(tag)', which feed readers would render; write plain text here "
          + "(formatting and links belong in an episode's Markdown notes, below its front matter)", key: key)
    } else if let reference = HTMLMarkup.firstCharacterReference(in: text) {
      report(
        CatalogueRules.plainText,
        "'\(path)\(key)' holds the character reference '\(reference)', which feed readers would decode as markup; "
          + "write the character itself", key: key)
    }
    if isName, let scalar = InvisibleCharacters.first(in: text) {
      report(
        CatalogueRules.invisibleCharacter,
        "'\(path)\(key)' contains \(InvisibleCharacters.describe(scalar)), an invisible character that can "
          + "disguise the text; delete it", key: key)
    }
    // Compared as bytes: String's `==` compares canonical equivalence, slow for non-ASCII text.
    if CatalogueScaffold.placeholderTexts.contains(where: { $0.utf8.elementsEqual(text.utf8) }) {
      report(
        CatalogueRules.placeholder, "'\(path)\(key)' is still the placeholder that podium init wrote; write your own",
        key: key)
    }
  }

  /// A title or name that must not be empty. Apple's limits on it (APPLE-TEXT-255) are the feed
  /// rules' to check, on the text as written into the feed.
  func shortText(_ key: String, required: Bool = false) -> String? {
    guard let text = plainText(key, required: required, isName: true) else { return nil }
    if text.isEmpty {
      report(CatalogueRules.missingKey, "'\(path)\(key)' is empty", key: key)
      return nil
    }
    return text
  }
}
