// The catalogue's readers as `podium validate` and `podium build` use them: the front-matter split,
// Yams, and the episode and show readers with their findings. An input that starts with `---` is
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

  static func main() {
    enterCatalogue()
    exit(podium_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { start, count in
      let data = start.map { Data(bytes: $0, count: count) } ?? Data()
      do {
        if data.starts(with: Array("---".utf8)) {
          try Data(FuzzCatalogue.showYAML.utf8).write(to: URL(fileURLWithPath: "show/show.yaml"))
          try data.write(to: URL(fileURLWithPath: "show/episode.md"))
        } else {
          try data.write(to: URL(fileURLWithPath: "show/show.yaml"))
          try? FileManager.default.removeItem(atPath: "show/episode.md")
        }
      } catch {
        fatalError("cannot write the input: \(error)")
      }
      _ = CatalogueLoader(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).load()
      return 0
    })
  }

  /// Makes the catalogue and works inside it from then on, so that nothing kept between inputs is a
  /// Swift value on the heap: LeakSanitizer cannot follow Swift's tagged references and would call
  /// them leaks.
  static func enterCatalogue() {
    var template = Array("\(FileManager.default.currentDirectoryPath)/catalogue.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template), chdir(made) == 0 else { fatalError("cannot make a folder in the working directory") }
    do {
      _ = try CatalogueScaffold(root: URL(fileURLWithPath: "."), showSlug: "show", showTitle: "Fuzz", publisher: "Fuzz")
        .create()
    } catch {
      fatalError("cannot make the catalogue: \(error)")
    }
  }
}
