// The catalogue's readers as `podium validate` and `podium build` use them: the front-matter split,
// the YAML reader over libyaml's events, and the episode and show readers with their findings. An input that starts with `---` is
// an episode file; any other is the show's show.yaml. Both go into a small catalogue in a private
// folder made under the working directory (fuzz.sh runs in Tests/Fuzz/.work/catalogue and removes
// the folder afterwards).
import Catalogue
import Foundation
import FuzzDriver

@main enum FuzzCatalogue {
  /// The show.yaml that episode inputs are read with.
  static let showYAML = """
    title: Fuzz
    description: A show to read fuzzed episodes in.
    medium: podcast
    categories:
      - Society & Culture
    explicit: false
    type: episodic
    artwork: artwork.jpg
    author: Fuzz

    """

  /// The catalogue's folder, kept as a C string: LeakSanitizer cannot follow Swift's tagged
  /// references, and would call a Swift value kept between inputs a leak.
  nonisolated(unsafe) static var folder: UnsafeMutablePointer<CChar>?

  static func main() {
    makeCatalogue()
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let data = start.map { Data(bytes: $0, count: count) } ?? Data()
      let root = URL(fileURLWithPath: String(cString: FuzzCatalogue.folder!), isDirectory: true)
      let show = root.appendingPathComponent("show")
      do {
        if data.starts(with: Array("---".utf8)) {
          try Data(FuzzCatalogue.showYAML.utf8).write(to: show.appendingPathComponent("show.yaml"))
          try data.write(to: show.appendingPathComponent("episode.md"))
        } else {
          try data.write(to: show.appendingPathComponent("show.yaml"))
          try? FileManager.default.removeItem(at: show.appendingPathComponent("episode.md"))
        }
      } catch {
        fatalError("cannot write the input: \(error)")
      }
      _ = CatalogueLoader(root: root).load()
      return 0
    })
  }

  static func makeCatalogue() {
    var template = Array("\(FileManager.default.currentDirectoryPath)/catalogue.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a folder in the working directory") }
    folder = strdup(made)
    // A crash ends the process without this; fuzz.sh removes what is left.
    atexit { try? FileManager.default.removeItem(atPath: String(cString: FuzzCatalogue.folder!)) }
    do {
      _ = try CatalogueScaffold(
        root: URL(fileURLWithPath: String(cString: made)), showSlug: "show", showTitle: "Fuzz", publisher: "Fuzz"
      ).create()
    } catch {
      fatalError("cannot make the catalogue: \(error)")
    }
  }
}
