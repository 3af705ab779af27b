import ArgumentParser
import Catalogue
import Foundation

extension Podium {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a new show, ready to edit: in a new catalogue, or added to an existing one.")

    @Option(name: .customLong("catalogue"), help: "The catalogue folder (made when it doesn't exist).")
    var catalogue = "episodes"

    @Option(help: "The show's folder name (letters, digits and dashes).")
    var show: String?

    @Option(help: "The show's title.")
    var title: String?

    @Option(help: "Who publishes the show.")
    var publisher: String?

    @Option(help: "The shows' language, BCP 47 (nl-BE).")
    var language = "en"

    @Option(help: "podcast or video.")
    var medium: String = "podcast"

    func validate() throws {
      guard Medium(rawValue: medium) != nil else { throw ValidationError("--medium must be podcast or video") }
      if let show, Slug.make(show) != show { throw ValidationError("--show must be lower-case letters, digits and dashes") }
    }

    func run() throws {
      let title = title ?? Terminal.ask("Show title") ?? "My show"
      let scaffold = CatalogueScaffold(
        root: URL(fileURLWithPath: catalogue), showSlug: show ?? Slug.make(title), showTitle: title,
        publisher: publisher ?? Terminal.ask("Publisher") ?? "Me", language: language,
        medium: Medium(rawValue: medium) ?? .podcast)
      let existing = scaffold.catalogueExists
      do {
        for file in try scaffold.create() { print("created \(file.relativePath)") }
      } catch let problem as CatalogueScaffold.Problem {
        FileHandle.standardError.write(Data("error: \(problem.description)\n".utf8))
        throw ExitCode.failure
      }
      let urls = existing ? "" : ", set the URLs in \(catalogue)/podium.yaml"
      print("Next: put the show's artwork in \(catalogue)/\(scaffold.showSlug)/artwork.jpg\(urls), then `podium add MEDIA`.")
    }
  }
}
