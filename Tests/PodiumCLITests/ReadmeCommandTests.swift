import Foundation
import PodiumTestSupport
import Testing

/// The README's first command sets a fresh Debian machine up, as root (where Debian has no
/// `sudo`) and as a user with `sudo`. It runs here with `apt-get`, `sudo` and `swift` replaced by
/// scripts in the test's folder that log how they were called, so nothing is installed.
@Suite struct ReadmeCommandTests {
  static var firstCommand: String {
    get throws {
      let readme = try String(
        contentsOf: RulesDocTests.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
      let block = try #require(readme.components(separatedBy: "```sh\n").dropFirst().first)
      return try #require(block.components(separatedBy: "\n```").first)
    }
  }

  /// Runs the command with only the stand-ins on the PATH; returns the log.
  func run(withSudo: Bool) throws -> (status: Int32, log: String) {
    let folder = try TemporaryFolder()
    let log = folder.url.appendingPathComponent("log").path
    var tools = ["apt-get", "python3", "swift"]
    if withSudo { tools.append("sudo") }
    for tool in tools {
      let body = tool == "sudo" ? "echo \"sudo $*\" >> '\(log)'\nexec \"$@\"" : "echo \"\(tool) $*\" >> '\(log)'"
      let script = try folder.write("bin/\(tool)", "#!/bin/sh\n\(body)\n")
      chmod(script.path, 0o755)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", try Self.firstCommand]
    process.currentDirectoryURL = folder.url
    process.environment = ["PATH": folder.url.appendingPathComponent("bin").path]
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
  }

  @Test func worksWithoutSudo() throws {
    let (status, log) = try run(withSudo: false)
    #expect(status == 0)
    let lines = log.split(separator: "\n")
    #expect(lines.first == "apt-get update")
    #expect(lines.dropFirst().first?.hasPrefix("apt-get install -y") == true)
    #expect(lines.last == "swift run podium build")
  }

  @Test func usesSudoWhereThereIsOne() throws {
    let (status, log) = try run(withSudo: true)
    #expect(status == 0)
    let lines = log.split(separator: "\n")
    #expect(lines.first?.hasPrefix("sudo ") == true && lines.first?.hasSuffix(" apt-get update") == true, "\(log)")
    #expect(lines.contains { $0.hasPrefix("sudo ") && $0.contains("apt-get install -y") })
    #expect(lines.last == "swift run podium build")
  }
}
