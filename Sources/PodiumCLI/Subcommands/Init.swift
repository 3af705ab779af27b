import ArgumentParser
import Catalogue
import Foundation

extension Podium {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a new catalogue with one show, ready to edit.")

    @Option(name: .customLong("catalogue"), help: "The catalogue folder to create.")
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
      for file in try scaffold.create() { print("created \(file.relativePath)") }
      print("Next: put the show's artwork in \(catalogue)/\(scaffold.showSlug)/artwork.jpg, set the URLs in "
        + "\(catalogue)/podium.yaml, then `podium add MEDIA`.")
    }
  }
}
