import AtomicOutput
import Catalogue
import Diagnostics
import Foundation
import Identifiers
import LinkCheck
import Parallel
import PodiumXML
import Publisher

/// `podium import` as a library call: reads a podcast's RSS feed and writes the show into the
/// catalogue as a producer would have, keeping every identity apps know it by (item GUIDs, the
/// show's `podcast:guid`, enclosure URLs, dates with their zones), and seeds the publication
/// record, so the first build here is already held to them. See docs/migrating.md.
public struct FeedImporter: Sendable {
  public let catalogueURL: URL
  public let outputURL: URL
  public let options: ImportOptions

  public init(catalogueURL: URL, outputURL: URL, options: ImportOptions) {
    self.catalogueURL = catalogueURL
    self.outputURL = outputURL
    self.options = options
  }

  /// Reads the feed and writes the show. Nothing is written when it throws.
  public func run(_ source: ImportSource) throws(ImportError) -> ImportReport {
    let data = try load(source)
    let channel = try channel(of: data, source: source)
    let items = channel.children.reduce(0) { $0 + ($1.name == "item" && $1.namespaceURI == nil ? 1 : 0) }
    if items > options.limits.maximumEpisodes {
      throw .tooManyEpisodes(source.description, count: items, limit: options.limits.maximumEpisodes)
    }
    var (show, episodes) = FeedReader(now: options.now).read(channel: channel)
    if show.title.isEmpty { show.title = "Imported show" }

    let slug = options.showSlug ?? Slug.make(show.title)
    let folder = catalogueURL.appendingPathComponent(slug)
    if FileManager.default.fileExists(atPath: folder.path) {
      throw .showExists(
        "\(folder.relativePath) already exists: the catalogue has a show '\(slug)'; import into another folder with --show NAME")
    }
    // The record goes where builds will write: a folder no build may use is refused now.
    do {
      try OutputFolder(outputURL).checkPlace(catalogue: catalogueURL)
    } catch {
      throw .catalogue(error.message)
    }
    var record: PublicationRecord
    do {
      record = try PublicationRecord.read(outputFolder: outputURL)
    } catch {
      throw .catalogue(error.description)
    }
    if record.shows[slug] != nil {
      throw .showExists(PublicationRecord.SeedProblem.alreadyPublished(slug: slug).description)
    }

    var sourceURL: String?
    if case .remote(let url) = source { sourceURL = url }
    let oldFeedURL = options.feedURL ?? show.selfURL ?? sourceURL
    let podcastGUID: String
    let guidSource: String
    if let guid = show.podcastGUID {
      (podcastGUID, guidSource) = (guid, "feed")
    } else if let oldFeedURL {
      (podcastGUID, guidSource) = (PodcastGUID.forFeedURL(oldFeedURL), oldFeedURL)
    } else {
      throw .noFeedAddress(source.description)
    }

    // The same podcast twice would be two shows with the same episodes, which no build accepts.
    if let (other, _) = record.shows.first(where: { $0.value.podcastGUID.lowercased() == podcastGUID.lowercased() }) {
      throw .showExists(
        "the catalogue already has this podcast as the show '\(other)' (the same podcast:guid \(podcastGUID)); importing it "
          + "again would give two shows with the same episodes. To import it afresh, remove \(other)/ and its entry in "
          + "\(outputURL.appendingPathComponent(PublicationRecord.path).relativePath) first")
    }
    var report = ImportReport(
      source: source.description, show: slug, title: show.title, podcastGUID: podcastGUID,
      podcastGUIDSource: guidSource, oldFeedURL: oldFeedURL)
    report.showLosses = show.losses
    report.showNotes = show.notes + Self.missing(show, slug: slug)
    report.duplicates = Self.separateDuplicates(&episodes)
    let names = Self.fileNames(episodes)
    let network = options.network(for: source)
    let budget = FetchBudget(options.limits)
    let fetcher = Fetcher(configuration: network, budget: budget)
    fetcher.fetchChapters(&episodes)
    if options.probeMedia, !options.downloadMedia { MediaCheck(configuration: network, budget: budget).check(&episodes) }
    // Converting notes is most of an import's work, and each episode's is its own.
    let described = show
    let downloading = options.downloadMedia
    episodes = ParallelMap.map(episodes) { draft in
      var draft = draft
      Self.describe(&draft, show: described, downloading: downloading)
      return draft
    }

    let writer = ShowWriter(show: show, slug: slug, podcastGUID: podcastGUID, names: names)
    var scaffold = CatalogueScaffold(
      root: catalogueURL, showSlug: slug, showTitle: show.title, publisher: show.author ?? show.ownerName ?? show.title,
      language: show.language ?? "en", medium: show.medium)
    scaffold.showSettings = writer.showYAML()
    if let name = show.ownerName, let email = show.ownerEmail { scaffold.siteOwner = Owner(name: name, email: email) }
    scaffold.siteCopyright = show.copyright
    scaffold.siteWebsite = show.link
    let newCatalogue = !scaffold.catalogueExists
    var drafts = episodes
    let written: [URL]
    do {
      written = try scaffold.create { staging in
        var files = fetcher.storeTranscripts(&drafts, names: names, in: staging)
        for index in drafts.indices where options.downloadMedia {
          files += try MediaDownload(configuration: network).fetch(&drafts[index], name: names[index], in: staging)
          options.progress?(index + 1, drafts.count)
        }
        try writer.writeEpisodes(drafts, in: staging)
        return files
      }
    } catch let problem as CatalogueScaffold.Problem {
      throw .showExists(problem.description)
    } catch let failure as MediaDownload.Failure {
      throw .unreachable(failure.url, reason: failure.reason)
    } catch {
      throw .write("\(error)")
    }
    // One path for the folder, not a URL per episode (each of which looks at the disk).
    let showPath = catalogueURL.appendingPathComponent(slug, isDirectory: true).relativePath
    report.files = written.map(\.relativePath) + names.map { showPath + "/" + $0 + ".md" }

    // The record is seeded with the entries a build makes for what was written.
    do {
      let entries = try seedEntries(slug: slug, drafts: drafts, names: names, report: &report)
      try record.seed(show: slug, podcastGUID: podcastGUID, episodes: entries, liveItems: show.liveRecords)
      try record.write(outputFolder: outputURL)
      report.record = outputURL.appendingPathComponent(PublicationRecord.path).relativePath
    } catch {
      try? FileManager.default.removeItem(at: folder)
      if newCatalogue { try? FileManager.default.removeItem(at: catalogueURL.appendingPathComponent("podium.yaml")) }
      throw .write("the publication record: \(error)")
    }
    report.episodes = drafts.indices.map { index in
      ImportReport.EpisodeReport(
        file: showPath + "/" + names[index] + ".md",
        guid: drafts[index].guid, title: drafts[index].title, losses: drafts[index].losses, notes: drafts[index].notes)
    }
    report.nextSteps = Self.nextSteps(show: show, slug: slug, oldFeedURL: oldFeedURL, newCatalogue: newCatalogue,
                                      catalogue: catalogueURL)
    return report
  }

  // MARK: - Reading

  private func load(_ source: ImportSource) throws(ImportError) -> [UInt8] {
    switch source {
    case .file(let path):
      var status = stat()
      guard stat(path, &status) == 0 else { throw .notFound(path) }
      guard status.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path, reason: "not a regular file") }
      guard Int(status.st_size) <= options.maximumFeedSize else {
        throw .unreadable(path, reason: "\(status.st_size) bytes, over the \(options.maximumFeedSize)-byte limit")
      }
      guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, reason: "permission denied") }
      return [UInt8](data)
    case .remote(let url):
      do {
        return try LinkChecker(configuration: options.network).fetch(url, maximumBytes: options.maximumFeedSize).body
      } catch {
        throw .unreachable(url, reason: error.description)
      }
    }
  }

  private func channel(of data: [UInt8], source: ImportSource) throws(ImportError) -> XMLElement {
    if HTMLFeedLinks.looksLikeHTML(data) {
      var base: URL?
      if case .remote(let url) = source { base = URL(string: url) }
      let feeds = HTMLFeedLinks.feeds(in: String(decoding: data, as: UTF8.self)).map { link in
        base.flatMap { URL(string: link, relativeTo: $0)?.absoluteString } ?? link
      }
      throw .htmlPage(source.description, feeds: feeds)
    }
    let document: XMLDocument
    do {
      document = try XMLDocument(data: Data(data), maximumSize: options.maximumFeedSize)
    } catch {
      throw .malformedXML(source.description, error)
    }
    let root = document.root
    if root.name == "feed", root.namespaceURI == "http://www.w3.org/2005/Atom" { throw .atom(source.description) }
    if root.name.lowercased() == "html" { throw .htmlPage(source.description, feeds: []) }
    guard root.name == "rss", root.namespaceURI == nil else { throw .notAFeed(source.description, root: root.name) }
    guard let channel = root.children.first(where: { $0.name == "channel" && $0.namespaceURI == nil }) else {
      throw .noChannel(source.description)
    }
    return channel
  }

  // MARK: - Identity

  /// Items sharing a GUID: apps saw them as one episode, the first they met (the earliest). That
  /// one keeps the GUID; each other gets a GUID of its own made from the shared one and its
  /// enclosure URL, the same on every import, so the catalogue can hold both.
  static func separateDuplicates(_ episodes: inout [EpisodeDraft]) -> [ImportReport.Duplicate] {
    var byGUID: [String: [Int]] = [:]
    for (index, episode) in episodes.enumerated() { byGUID[episode.guid, default: []].append(index) }
    var duplicates: [ImportReport.Duplicate] = []
    for (guid, indices) in byGUID.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
      let ordered = indices.sorted { (episodes[$0].date, $0) < (episodes[$1].date, $1) }
      var renamed: [String: String] = [:]
      for (position, index) in ordered.enumerated().dropFirst() {
        let new = UUIDv5.make(
          namespace: PodcastGUID.namespace, name: "podium-import \(guid) \(episodes[index].mediaURL) \(position)"
        ).uuidString.lowercased()
        episodes[index].losses.append(ImportLoss(
          "guid", "the old feed gave this item the same GUID as '\(episodes[ordered[0]].title)' (\(guid)); apps showed only one "
            + "of them. It keeps both, and this one now has the GUID \(new), so apps see it as a new episode",
          line: episodes[index].line))
        renamed[episodes[index].title] = new
        episodes[index].guid = new
      }
      duplicates.append(ImportReport.Duplicate(guid: guid, kept: episodes[ordered[0]].title, renamed: renamed))
    }
    return duplicates
  }

  /// `<date>-<slug>` for each episode, unique within the show.
  static func fileNames(_ episodes: [EpisodeDraft]) -> [String] {
    var used: Set<String> = []
    return episodes.map { episode in
      let base = "\(episode.date.localDate)-\(Slug.make(episode.title))"
      var name = base
      var counter = 2
      while !used.insert(name).inserted {
        name = "\(base)-\(counter)"
        counter += 1
      }
      return name
    }
  }

  /// What show.yaml needs that the old feed did not give: the first build stops until it is
  /// added, so the report says so now (the show is not loaded back to find it).
  static func missing(_ show: ShowDraft, slug: String) -> [String] {
    var notes: [String] = []
    if show.artwork == nil {
      notes.append("to fix before the first build: the feed gave no artwork; add artwork: to \(slug)/show.yaml "
        + "(a square JPEG or PNG of 1400–3000 px, in the show folder or an https URL)")
    }
    if show.categories.isEmpty {
      notes.append("to fix before the first build: the feed gave no itunes:category; add categories: to \(slug)/show.yaml "
        + "(one to three of Apple's categories, e.g. 'Society & Culture > Documentary')")
    }
    return notes
  }

  /// Notes on what an episode's values became. A downloaded file's length and type are read
  /// from it, so only remote media needs them from the feed.
  static func describe(_ episode: inout EpisodeDraft, show: ShowDraft, downloading: Bool) {
    let converted = NotesConversion.convert(episode.notesHTML)
    episode.notesMarkdown = converted.markdown.isEmpty ? "" : "\n" + converted.markdown
    if converted.keptAsHTML, !converted.markdown.isEmpty {
      episode.notes.append("the notes are kept as sanitised HTML: they don't convert to Markdown without changing")
    }
    for removal in converted.removals { episode.losses.append(ImportLoss("notes", removal.description, line: episode.line)) }
    if episode.duration == nil {
      episode.losses.append(ImportLoss("itunes:duration", "the item gave no duration; add media.duration (seconds) by hand", line: episode.line))
    }
    if episode.mediaLength <= 0, !downloading {
      episode.losses.append(ImportLoss("enclosure", "the enclosure gave no length; add media.length (bytes) by hand", line: episode.line))
    }
    if episode.mediaType.isEmpty, !downloading {
      episode.losses.append(ImportLoss(
        "enclosure", "the enclosure gave no type; add media.type (such as audio/mpeg) by hand", line: episode.line))
    }
    if episode.guidIsPermaLink, !episode.guidIsWebAddress {
      episode.notes.append("the GUID is marked a permalink (isPermaLink true, or left out) but is not a web address: "
        + "its text is kept exactly, which is what apps compare, and the new feed marks it isPermaLink=\"false\"")
    }
  }

  /// The entries a build makes, from what was written: loading the show back (and every other
  /// show of the catalogue) cost a quarter of a large import, and its findings are the first
  /// build's to give. Only podium.yaml is read, for the media's address.
  private func seedEntries(slug: String, drafts: [EpisodeDraft], names: [String], report: inout ImportReport) throws
    -> [String: PublicationRecord.EpisodeRecord]
  {
    let loaded = CatalogueLoader(root: catalogueURL).loadSite()
    let errors = loaded.findings.filter { $0.severity == .error }
    for finding in errors { report.showNotes.append("to fix before the first build: \(finding)") }
    guard let site = loaded.site else {
      throw ImportError.catalogue("podium.yaml does not load: " + errors.map(\.message).joined(separator: "; "))
    }
    var entries: [String: PublicationRecord.EpisodeRecord] = [:]
    entries.reserveCapacity(drafts.count)
    for (index, draft) in drafts.enumerated() {
      // As Catalogue.publicURL gives it: the record keeps the real address, not an analytics prefix's.
      let enclosure = draft.localMedia.map { site.mediaBaseURL + slug + "/" + $0 } ?? draft.mediaURL
      entries[draft.guid] = PublicationRecord.EpisodeRecord(
        file: "\(slug)/\(names[index]).md", enclosure: enclosure, date: draft.date.iso8601)
    }
    return entries
  }

  static func nextSteps(show: ShowDraft, slug: String, oldFeedURL: String?, newCatalogue: Bool, catalogue: URL) -> [String] {
    var steps: [String] = []
    if newCatalogue {
      steps.append("set base_url and media_base_url in \(catalogue.relativePath)/podium.yaml to where the feeds and media will be served")
    }
    steps.append("run `podium build`: the first build keeps every GUID, enclosure URL and the podcast:guid, and refuses to change them")
    steps.append("publish the new feed (<base_url>\(slug)/feed.xml) and check it with `podium lint` against the old one")
    let old = oldFeedURL ?? "the old feed"
    steps.append("at the old host, redirect \(old) to the new feed with HTTP 301 (permanent), and keep the redirect for good")
    steps.append("if the old host can't redirect, set itunes:new-feed-url in the old feed to the new feed's URL and keep the old feed up "
      + "for at least four weeks, until Apple Podcasts and the other apps have moved")
    if let moved = show.newFeedURL {
      steps.append("the old feed already said itunes:new-feed-url \(moved): check that this is the host you are leaving")
    }
    steps.append("in Apple Podcasts Connect, Spotify for Creators and the Podcast Index, check the show after the move; its podcast:guid stays the same")
    return steps
  }
}
