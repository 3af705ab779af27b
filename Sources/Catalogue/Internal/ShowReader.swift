import Foundation
import PodcastVocabulary

/// Reads `<show>/show.yaml`.
enum ShowReader {
  static let keys = [
    "title", "description", "language", "medium", "categories", "explicit", "type", "artwork", "author", "link",
    "keywords", "persons", "funding", "license", "locked", "owner_email", "copyright", "guid", "complete", "block",
    "new_feed_url", "location", "update_frequency", "txt", "chapter_timestamps",
  ] + PodcastingReader.showKeys

  static func read(_ document: YAMLDocument, slug: String, file: String, site: Site, resolver: PathResolver,
                   collector: FindingCollector) -> Show? {
    guard let reader = MappingReader(document, known: keys, collector: collector, what: "show.yaml")
    else { return nil }
    let title = reader.shortText("title", required: true)
    // The description (APPLE-CH-DESC: there, at most 4000 bytes), the language (APPLE-CH-LANGUAGE)
    // and the categories (APPLE-CH-CATEGORY) are checked by the feed rules, in the feed as written:
    // a show without a description is written with an empty one, for that rule to report.
    let description = reader.plainText("description") ?? ""
    let language = reader.string("language") ?? site.language
    let artwork = reader.string("artwork", required: true, hint: " (a square JPEG or PNG of 1400–3000 px)")
      .flatMap { reference($0, key: "artwork", reader: reader, resolver: resolver) }
    guard let title, let artwork else { return nil }

    var show = Show(
      slug: slug, file: file, title: title, description: description, language: language, artwork: artwork,
      author: reader.shortText("author") ?? site.publisher)
    show.medium = reader.enumeration("medium", Medium.self) ?? .podcast
    show.categories = categories(reader)
    show.explicit = reader.bool("explicit", rule: CatalogueRules.showExplicit) ?? false
    show.type = reader.enumeration("type", ShowType.self, rule: CatalogueRules.showType) ?? .episodic
    show.link = reader.httpsURL("link") ?? site.website
    show.keywords = reader.plainTextList("keywords")
    show.persons = reader.persons("persons")
    show.funding = reader.funding("funding")
    show.license = reader.license("license")
    show.locked = reader.bool("locked") ?? false
    show.ownerEmail = reader.email("owner_email") ?? site.owner?.email
    show.copyright = reader.plainText("copyright") ?? site.copyright
    show.guid = guid(reader)
    show.complete = reader.bool("complete") ?? false
    show.block = reader.bool("block") ?? false
    show.newFeedURL = reader.httpsURL("new_feed_url")
    show.location = reader.location("location")
    show.updateFrequency = PodcastingReader.updateFrequency(reader, into: &show.podcasting)
    show.txt = reader.mappingList("txt", known: ["purpose", "value"]).compactMap { item in
      item.string("value", required: true).map { TXTRecord(purpose: item.string("purpose"), value: $0) }
    }
    show.podcasting = PodcastingReader.show(
      reader, artwork: artwork, resolver: resolver, showFolder: URL(fileURLWithPath: resolver.root).appendingPathComponent(slug),
      updating: show.podcasting)
    show.chapterTimestamps = reader.bool("chapter_timestamps") ?? false
    show.lines = reader.lines.dictionary
    return show
  }

  private static func categories(_ reader: MappingReader) -> [Category] {
    let texts = reader.stringList("categories")
    if texts.isEmpty {
      reader.requireKey("categories", hint: " (one to three of Apple's categories, e.g. 'Society & Culture > Documentary')")
    }
    return texts.map(Category.init(parsing:))
  }

  private static func guid(_ reader: MappingReader) -> String? {
    guard let text = reader.string("guid") else { return nil }
    guard UUIDText.isUUID(text) else {
      reader.report(CatalogueRules.badValue, "guid must be a UUID such as ead4c236-bf58-58c6-a2c6-a6b28d128cb6", key: "guid")
      return nil
    }
    return text.lowercased()
  }

  static func reference(_ text: String, key: String, reader: MappingReader, resolver: PathResolver) -> MediaReference? {
    do {
      let reference = try resolver.resolve(text)
      if case .remote(let url) = reference { reader.checkPlaceholder(url: url, key: key) }
      return reference
    } catch {
      let rule = error == .insecure(text) ? CatalogueRules.https : CatalogueRules.pathEscape
      reader.report(rule, "\(reader.path)\(key): \(error.message)", key: key)
      return nil
    }
  }
}
