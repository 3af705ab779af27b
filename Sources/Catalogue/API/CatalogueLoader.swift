import Diagnostics
import Foundation
import Parallel
import Yams

/// Loads a catalogue folder: `podium.yaml`, then every show folder and its episode files.
/// Bad input never throws: every problem becomes a finding with file and line, and loading goes
/// on so that one run reports them all.
public struct CatalogueLoader: Sendable {
  public let root: URL
  /// Larger text files are refused, so a stray media file named `.md` can't exhaust memory.
  public static let maximumFileSize = 16 * 1024 * 1024

  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  public func load() -> LoadResult {
    let siteCollector = FindingCollector(file: "podium.yaml")
    guard let siteNode = SourceFile.readYAML(root.appendingPathComponent("podium.yaml"), collector: siteCollector),
      let site = SiteReader.read(siteNode, collector: siteCollector)
    else {
      return LoadResult(catalogue: nil, findings: siteCollector.findings)
    }
    var findings = siteCollector.findings
    var shows: [Show] = []
    // Beside `shows`: each show's folder.
    var folders: [EpisodeFolder] = []
    var episodeJobs: [(show: Int, name: String)] = []
    for slug in showFolders(findings: &findings) {
      let collector = FindingCollector(file: "\(slug)/show.yaml")
      let resolver = PathResolver(root: root, show: slug)
      let folder = root.appendingPathComponent(slug)
      defer { findings += collector.findings }
      guard let node = SourceFile.readYAML(folder.appendingPathComponent("show.yaml"), collector: collector),
        let show = ShowReader.read(
          node, slug: slug, file: collector.file, site: site, resolver: resolver, collector: collector)
      else { continue }
      shows.append(show)
      folders.append(EpisodeFolder(folder, resolver: resolver))
      for name in episodeFiles(in: folder) { episodeJobs.append((shows.count - 1, name)) }
    }
    var results = ParallelMap.map(episodeJobs) { job in
      readEpisode(job.name, in: folders[job.show], show: shows[job.show].slug)
    }
    // Episodes are moved out of the results, not copied: a copy retains some twenty references.
    for index in results.indices {
      findings += results[index].findings
      if let episode = results[index].episode.take() { shows[episodeJobs[index].show].episodes.append(episode) }
    }
    let catalogue = Catalogue(root: root, site: site, shows: shows)
    findings += CatalogueValidator(catalogue: catalogue).validate()
    findings += MediaValidator(catalogue: catalogue).validate()
    return LoadResult(catalogue: catalogue, findings: findings)
  }

  private func showFolders(findings: inout [Finding]) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    var slugs: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
      var isDirectory: ObjCBool = false
      let path = root.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        continue
      }
      if FileManager.default.fileExists(atPath: path + "/show.yaml") {
        slugs.append(name)
      } else {
        findings.append(CatalogueRules.strayFolder.finding(
          "folder '\(name)' has no show.yaml and is ignored; add one, or start the name with _ to silence this",
          at: SourceLocation(file: name)))
      }
    }
    if slugs.isEmpty {
      findings.append(CatalogueRules.noShows.finding(
        "the catalogue has no shows yet; create a folder with a show.yaml (podium init makes one)",
        at: SourceLocation(file: "podium.yaml")))
    }
    return slugs
  }

  /// The names of a show folder's episode files, in order.
  private func episodeFiles(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
  }

  private func readEpisode(_ name: String, in folder: EpisodeFolder, show: String) -> (episode: Episode?, findings: [Finding]) {
    let file = "\(show)/\(name)"
    let collector = FindingCollector(file: file)
    guard let text = SourceFile.readText(atPath: folder.path + name, name: name, collector: collector) else {
      return (nil, collector.findings)
    }
    let frontMatter: FrontMatter
    do {
      frontMatter = try FrontMatter.split(text)
    } catch {
      let message = error == .missingStart
        ? "the file must start with a line '---', then the front matter, then another '---'"
        : "the front matter has no closing '---' line"
      collector.report(CatalogueRules.frontMatter, message, line: 1)
      return (nil, collector.findings)
    }
    guard let node = SourceFile.parseYAML(frontMatter.yaml, lineOffset: frontMatter.lineOffset, collector: collector)
    else { return (nil, collector.findings) }
    let context = EpisodeReader.Context(fileName: name, file: file, resolver: folder.resolver, showFolder: folder.url)
    let episode = EpisodeReader.read(node, frontMatter: frontMatter, context: context, collector: collector)
    return (episode, collector.findings)
  }
}
