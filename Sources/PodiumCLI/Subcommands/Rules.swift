import ArgumentParser

extension Podium {
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every rule Podium checks: id, severity, source and what it asks for.",
      discussion: """
        Rules are grouped by the module that checks them: Catalogue, Media, Publishing, Feed, Sitemap and \
        Remote. docs/rules.md is the output of `podium rules --format markdown`.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, markdown
    }

    @Option(help: "text, json or markdown.")
    var format: Format = .text

    func run() throws {
      let output = RulesOutput(groups: RuleRegistry.groups)
      switch format {
      case .text: print(output.text(terminal: .standardOutput))
      case .json: print(try output.json())
      case .markdown: print(output.markdown(), terminator: "")
      }
    }
  }
}
