import ArgumentParser

/// The `podium` command.
public struct Podium: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "podium",
    abstract: "Keep a podcast and video catalogue as plain files, check it, and publish its feeds.",
    discussion: """
      Exit codes: 0 when all is well, 1 when there are findings at error level (or warnings with --strict), \
      64 for a usage error.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Import.self, Add.self, List.self, Validate.self, Build.self, Serve.self, Publish.self, Probe.self, Lint.self,
      Rules.self, Chapters.self,
    ])

  public init() {}
}
