import Foundation

/// Real HTTP requests through the `curl` command, with `--path-as-is` so a test can send `/../`
/// and `%2e%2e` exactly as an attacker would (a client library would tidy them first).
struct Curl {
  struct Response {
    var status: Int
    /// By lower-cased name.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(header: String) -> String? { headers[header.lowercased()] }
  }

  static func get(_ url: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Response {
    try await blocking { try run(url, method: method, headers: headers) }
  }

  private static func run(_ url: String, method: String, headers: [String: String]) throws -> Response {
    var arguments = ["-s", "--http1.1", "--path-as-is", "--max-time", "30", "-i"]
    if method == "HEAD" { arguments.append("-I") } else if method != "GET" { arguments += ["-X", method] }
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
    arguments.append(url)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let split = data.range(of: Data("\r\n\r\n".utf8)) else {
      throw Failure(message: "curl \(url) ended with \(process.terminationStatus)")
    }
    let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    var fields: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return Response(status: status, headers: fields, body: Data(data[split.upperBound...]))
  }

  struct Failure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
