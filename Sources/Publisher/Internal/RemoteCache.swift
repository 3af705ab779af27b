import AtomicOutput
import Diagnostics
import Foundation

/// Results of remote checks, kept for a while so an unchanged URL isn't fetched on every run.
/// Stored outside the repository, in the user's cache folder; a damaged file is ignored.
struct RemoteCache {
  struct Entry: Codable {
    var checked: Double
    var findings: [Finding]
  }

  let file: URL
  /// How long a result stays fresh, in seconds; 0 turns the cache off.
  let lifetime: Double
  private(set) var entries: [String: Entry]

  init(file: URL = RemoteCache.defaultFile, lifetime: Double) {
    self.file = file
    self.lifetime = lifetime
    let data = lifetime > 0 ? FileManager.default.contents(atPath: file.path) : nil
    entries = data.flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
  }

  /// `$XDG_CACHE_HOME/podium/remote-checks.json`, or `~/.cache/podium/remote-checks.json`.
  static var defaultFile: URL {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
    return base.appendingPathComponent("podium/remote-checks.json")
  }

  static func key(url: String, length: Int64?, type: String?) -> String {
    "\(url)|\(length.map(String.init) ?? "")|\(type ?? "")"
  }

  func fresh(_ key: String, at now: Double) -> [Finding]? {
    guard lifetime > 0, let entry = entries[key], now - entry.checked < lifetime else { return nil }
    return entry.findings
  }

  mutating func store(_ key: String, findings: [Finding], at now: Double) {
    entries[key] = Entry(checked: now, findings: findings)
  }

  /// Saves fresh entries only, so the file doesn't grow for ever.
  func save(at now: Double) {
    guard lifetime > 0 else { return }
    let kept = entries.filter { now - $0.value.checked < lifetime }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(kept) else { return }
    try? AtomicFile.write(data, to: file)
  }
}
