import AtomicOutput
import Diagnostics
import Foundation
import Parallel

/// Loads a catalogue folder: `podium.yaml`, then every show folder and its episode files.
/// Bad input never throws: every problem becomes a finding with file and line, and loading goes
/// on so that one run reports them all.
public struct CatalogueLoader: Sendable {
  public let root: URL
  /// Earlier readings of episode files, taken instead of reading unchanged files again; `nil`:
  /// every file is read.
  public var reuse: (any EpisodeReuse)?
  /// Whether the catalogue is loaded for a listing (`podium list`: each episode's file, date,
  /// status, title and GUID, and what failed to load): episode notes are then neither checked
  /// nor kept track of, the checks across the catalogue (``CatalogueValidator``,
  /// ``MediaValidator``) are not run, no reading is handed to ``reuse`` to keep, and what it
  /// gives is asked for a listing (``EpisodeReuse/listingReading(show:file:)``: an episode may
  /// hold only what a list shows). Such a catalogue can't be rendered or checked.
  public var listing = false
  /// Larger text files are refused, so a stray media file named `.md` can't exhaust memory.
  public static let maximumFileSize = 16 * 1024 * 1024
  /// Episodes read in parallel before they join their shows.
  static let batchSize = 1024

  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  public func load() -> LoadResult {
    var info = stat()
    if stat(root.path + "/podium.yaml", &info) != 0, errno == ENOENT || errno == ENOTDIR {
      // The commonest first mistake: podium run in another folder, or given a show folder.
      let what = stat(root.path, &info) == 0 ? "\(root.path) has no podium.yaml" : "there is no catalogue folder \(root.path)"
      return LoadResult(catalogue: nil, findings: [CatalogueRules.missingFile.finding(
        "\(what); run podium in the folder that holds the catalogue, give --catalogue the folder with podium.yaml "
          + "and the show folders, or start a catalogue with podium init", at: SourceLocation(file: "podium.yaml"))])
    }
    let siteCollector = FindingCollector(file: "podium.yaml")
    guard let siteDocument = SourceFile.readYAML(root.appendingPathComponent("podium.yaml"), collector: siteCollector),
      let site = SiteReader.read(siteDocument, collector: siteCollector)
    else {
      return LoadResult(catalogue: nil, findings: siteCollector.findings)
    }
    var result = LoadResult(catalogue: nil, findings: siteCollector.findings)
    var shows: [Show] = []
    // Beside `shows`: each show's folder.
    var folders: [EpisodeFolder] = []
    var episodeJobs: [(show: Int, name: String)] = []
    for slug in showFolders(into: &result) {
      let collector = FindingCollector(file: "\(slug)/show.yaml")
      let resolver = PathResolver(root: root, show: slug)
      let folder = root.appendingPathComponent(slug)
      defer { result.findings += collector.findings }
      guard let document = SourceFile.readYAML(folder.appendingPathComponent("show.yaml"), collector: collector),
        let show = ShowReader.read(
          document, slug: slug, file: collector.file, site: site, resolver: resolver, collector: collector)
      else {
        result.gaps.unloaded.insert(slug)
        continue
      }
      shows.append(show)
      folders.append(EpisodeFolder(folder, resolver: resolver))
      for name in episodeFiles(in: folder, show: slug, into: &result) { episodeJobs.append((shows.count - 1, name)) }
    }
    // Each show's array is made its final size at once, and filled a batch of results at a time:
    // an episode is a plain value of several hundred bytes, so growing the arrays, or holding every
    // result beside them, would hold the catalogue's episodes two or three times over.
    var counts = [Int](repeating: 0, count: shows.count)
    for job in episodeJobs { counts[job.show] += 1 }
    for index in shows.indices { shows[index].episodes.reserveCapacity(counts[index]) }
    let slugs = shows.map(\.slug)
    // Each show's last job, after which its episodes are all in.
    var lastJob: [Int: Int] = [:]
    for (index, job) in episodeJobs.enumerated() { lastJob[job.show] = index }
    // The lists of keys the episodes' key lines share.
    var keyLists = Set<[UInt8]>()
    for batchStart in stride(from: 0, to: episodeJobs.count, by: Self.batchSize) {
      let batchEnd = min(batchStart + Self.batchSize, episodeJobs.count)
      let batch = Array(episodeJobs[batchStart..<batchEnd])
      let reuse = self.reuse
      var results = ParallelMap.map(batch) { job -> EpisodeReading in
        let (show, name) = (slugs[job.show], job.name)
        let taken = listing ? reuse?.listingReading(show: show, file: name) : reuse?.reading(show: show, file: name)
        if let reading = taken { return reading }
        let reading = readEpisode(job.name, in: folders[job.show], show: slugs[job.show])
        if !listing { reuse?.read(show: slugs[job.show], file: job.name, reading) }
        return reading
      }
      if let reuse {
        for show in Set(batch.map(\.show)).sorted() where lastJob[show].map({ $0 < batchEnd }) == true {
          reuse.finished(show: slugs[show])
        }
      }
      // Episodes are moved out of the results, not copied.
      for index in results.indices {
        let show = batch[index].show
        result.findings += results[index].findings
        if var episode = results[index].episode.take() {
          episode.lines.share(keysIn: &keyLists)
          shows[show].episodes.append(episode)
        } else {
          result.gaps.unloaded.insert("\(shows[show].slug)/\(batch[index].name)")
        }
      }
    }
    let catalogue = Catalogue(root: root, site: site, shows: shows)
    if !listing {
      result.findings += CatalogueValidator(catalogue: catalogue).validate()
      result.findings += MediaValidator(catalogue: catalogue).validate()
    }
    result.catalogue = catalogue
    return result
  }

  /// The slugs of the show folders: every folder with a show.yaml. Other folders go in the
  /// result's gaps; a folder whose name isn't UTF-8 is an error, for it may be a show.
  private func showFolders(into result: inout LoadResult) -> [String] {
    let entries: FolderListing
    do {
      entries = try FolderListing(atPath: root.path)
    } catch {
      result.gaps.unloaded.insert(".")
      result.findings.append(CatalogueRules.missingFile.finding(
        "cannot list the folders in the catalogue folder (\(error.reason)); check its permissions",
        at: SourceLocation(file: ".")))
      return []
    }
    var slugs: [String] = []
    for name in entries.names where !name.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      let path = root.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        continue
      }
      var info = stat()
      let hasShowFile = stat(path + "/show.yaml", &info) == 0
      // A folder Podium may not look into may well hold a show.yaml: that is no removal.
      let lookFailure = hasShowFile || errno == ENOENT || errno == ENOTDIR ? nil : String(cString: strerror(errno))
      if name.hasPrefix("_") {
        result.gaps.otherFolders.insert(name)
      } else if let lookFailure {
        result.gaps.unloaded.insert(name)
        result.findings.append(CatalogueRules.missingFile.finding(
          "cannot look into folder '\(name)' for its show.yaml (\(lookFailure)); make the folder and its show.yaml readable",
          at: SourceLocation(file: name)))
      } else if hasShowFile {
        // A name Podium can't publish is held back like a show that fails to load: renaming it
        // is the fix, not a removal.
        if Catalogue.reservedShowNames.contains(name.lowercased()) {
          result.gaps.unloaded.insert(name)
          result.findings.append(CatalogueRules.reservedName.finding(
            "a show folder can't be named '\(name)': Podium writes a file of that name at the top of the output; "
              + "rename the folder", at: SourceLocation(file: name)))
        } else if let scalar = InvisibleCharacters.first(in: name) {
          result.gaps.unloaded.insert(name)
          result.findings.append(CatalogueRules.invisibleCharacter.finding(
            "the folder name contains \(InvisibleCharacters.describe(scalar)), an invisible character that can "
              + "disguise it; rename the folder", at: SourceLocation(file: name)))
        } else {
          slugs.append(name)
        }
      } else {
        result.gaps.otherFolders.insert(name)
        result.findings.append(CatalogueRules.strayFolder.finding(
          "folder '\(name)' has no show.yaml and is ignored; add one, or start the name with _ to silence this",
          at: SourceLocation(file: name)))
      }
    }
    for bytes in entries.undecodable
    where bytes.first != UInt8(ascii: ".") && bytes.first != UInt8(ascii: "_")
      && FolderListing.isDirectory(bytes, in: root.path)
    {
      let name = FolderListing.escaped(bytes)
      result.gaps.unreadableNames.insert(name)
      result.findings.append(CatalogueRules.nameEncoding.finding(
        "the name of folder '\(name)' is not UTF-8, so Podium can't read it as a show (its name is its slug, "
          + "in its feed URL); rename it", at: SourceLocation(file: name)))
    }
    if slugs.isEmpty, result.gaps.unreadableNames.isEmpty {
      result.findings.append(CatalogueRules.noShows.finding(
        "the catalogue has no shows yet; create a folder with a show.yaml (podium init makes one)",
        at: SourceLocation(file: "podium.yaml")))
    }
    return slugs
  }

  /// The names of a show folder's episode files, in order. A folder that can't be listed, or an
  /// episode file whose name isn't UTF-8, is an error: its episodes would be left out unseen.
  private func episodeFiles(in folder: URL, show: String, into result: inout LoadResult) -> [String] {
    let entries: FolderListing
    do {
      entries = try FolderListing(atPath: folder.path)
    } catch {
      result.gaps.unloaded.insert(show)
      result.findings.append(CatalogueRules.missingFile.finding(
        "cannot list the files in folder '\(show)' (\(error.reason)); check its permissions",
        at: SourceLocation(file: show)))
      return []
    }
    for bytes in entries.undecodable
    where bytes.first != UInt8(ascii: ".") && bytes.suffix(3).elementsEqual(".md".utf8) {
      let file = "\(show)/\(FolderListing.escaped(bytes))"
      result.gaps.unreadableNames.insert(file)
      result.findings.append(CatalogueRules.nameEncoding.finding(
        "the name of episode file '\(file)' is not UTF-8, so Podium can't read it; rename it "
          + "(<YYYY-MM-DD>-<slug>.md)", at: SourceLocation(file: file)))
    }
    return entries.names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
  }

  private func readEpisode(_ name: String, in folder: EpisodeFolder, show: String) -> EpisodeReading {
    let file = "\(show)/\(name)"
    let collector = FindingCollector(file: file)
    guard let text = SourceFile.readText(atPath: folder.path + name, name: name, collector: collector) else {
      return EpisodeReading(episode: nil, findings: collector.findings, reusable: true)
    }
    let frontMatter: FrontMatter
    do {
      frontMatter = try FrontMatter.split(text)
    } catch {
      let message = error == .missingStart
        ? "the file must start with a line '---', then the front matter, then another '---'"
        : "the front matter has no closing '---' line"
      collector.report(CatalogueRules.frontMatter, message, line: 1)
      return EpisodeReading(episode: nil, findings: collector.findings, reusable: true)
    }
    // What the reading depends on besides this file is the show folder's other files, which a
    // cache can watch; another episode file's changes it doesn't, so a front matter that may
    // name one (a transcript in a .md file) is read again every time.
    let reusable = !frontMatter.yaml.utf8.contains(subsequence: ".md".utf8)
    guard let document = YAMLEventReader.parse(frontMatter.yaml, lineOffset: frontMatter.lineOffset, collector: collector)
    else { return EpisodeReading(episode: nil, findings: collector.findings, reusable: reusable) }
    let context = EpisodeReader.Context(
      fileName: name, file: file, resolver: folder.resolver, showFolder: folder.url, folderPath: folder.path,
      listing: listing)
    let episode = EpisodeReader.read(document, frontMatter: frontMatter, context: context, collector: collector)
    return EpisodeReading(episode: episode, findings: collector.findings, reusable: reusable)
  }
}

extension Collection where Element: Equatable {
  /// Whether the elements of `other` occur here, one after the other.
  fileprivate func contains(subsequence other: some Collection<Element>) -> Bool {
    guard let first = other.first else { return true }
    var start = startIndex
    while let found = self[start...].firstIndex(of: first) {
      if self[found...].starts(with: other) { return true }
      start = index(after: found)
    }
    return false
  }
}
