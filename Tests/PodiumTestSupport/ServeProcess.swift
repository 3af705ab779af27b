import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `podium serve` run as a user runs it, in a process of its own: the built executable on any
/// free port of 127.0.0.1, its temporary folder in `temporary` (TMPDIR), what it prints kept in
/// ``output``. A server in the test process would share the test process's few cooperative
/// threads with every other test running at the same time, and stall while they block them.
public final class ServeProcess: @unchecked Sendable {
  public let output = ProcessOutput()
  private let process = Process()

  /// Starts `podium serve --catalogue <catalogue> --port 0 <arguments>` in `directory`.
  public init(catalogue: String, in directory: URL, temporary: URL, arguments: [String] = []) throws {
    process.executableURL = PodiumProcess.executable
    process.arguments = ["serve", "--catalogue", catalogue, "--port", "0"] + arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path, "NO_COLOR": "1"]) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    let output = self.output
    pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
    try process.run()
  }

  deinit { end() }

  /// `http://127.0.0.1:port`, once the server has said where it listens.
  public func address(timeout: TimeInterval = 120) throws -> String {
    try output.wait(for: "Watching the catalogue", timeout: timeout)
    guard let match = output.text.firstMatch(of: /Serving the preview at (http:\/\/127\.0\.0\.1:\d+)\//) else {
      throw ProcessOutput.Failure(description: "no address in:\n\(output.text)")
    }
    return String(match.1)
  }

  /// Every URL printed after `label` (such as `video index`), in order.
  public func urls(after label: String) -> [String] {
    output.text.split(separator: "\n").compactMap { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix(label + " ") else { return nil }
      return String(trimmed.dropFirst(label.count + 1))
    }
  }

  /// Ctrl-C, as a user stops it; waits for the process to end and gives its exit status, or
  /// ends it and gives -1 when it is still running after `timeout` seconds.
  @discardableResult
  public func interrupt(timeout: TimeInterval = 30) -> Int32 {
    if process.isRunning { kill(process.processIdentifier, SIGINT) }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    guard !process.isRunning else {
      end()
      return -1
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Ends the process at once, if it still runs (a test that failed midway).
  public func end() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}

/// What a process printed so far, filled from its pipe's own thread.
public final class ProcessOutput: @unchecked Sendable {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  private let lock = NSLock()
  private var data = Data()

  public init() {}

  public var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

  public func append(_ more: Data) { lock.withLock { data.append(more) } }

  /// Waits until `marker` has been printed `count` times.
  public func wait(for marker: String, count: Int = 1, timeout: TimeInterval = 60) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if text.components(separatedBy: marker).count - 1 >= count { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Failure(description: "'\(marker)' not printed \(count) time(s) within \(Int(timeout)) s in:\n\(text)")
  }
}
