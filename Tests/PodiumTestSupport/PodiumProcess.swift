import Foundation

/// Runs the built `podium` executable, as a user would, and captures what it prints.
public struct PodiumProcess {
  public struct Output: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  /// The `podium` binary next to the test bundle in the build products folder.
  public static var executable: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("podium")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.appendingPathComponent("podium")
  }

  /// `wrapper`: a command (its full path first) that runs the binary, such as `/usr/bin/setpriv`
  /// with its options to run it as another user.
  public static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], wrapper: [String] = []
  ) throws -> Output {
    let process = Process()
    process.executableURL = wrapper.first.map { URL(fileURLWithPath: $0) } ?? executable
    process.arguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [executable.path] + arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
      standardError: String(decoding: stderr, as: UTF8.self))
  }
}
