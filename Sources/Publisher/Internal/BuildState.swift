import Catalogue
import Diagnostics
import Foundation

/// What the last build left in the cache: the fingerprints of the catalogue it read and of the
/// output it wrote, and its report. A build whose catalogue and output have the same fingerprints,
/// with the same Podium and options, and at a moment that publishes the same episodes, would
/// write the same bytes and say the same things: it returns this report and writes nothing.
///
/// It is stored only by a build that left the publication record as it found it, so that a
/// rebuild over that output reads the same record and reaches the same findings (a first build's
/// note, or a warning about an episode let go with `--allow-removal`, is said once).
struct BuildState: Codable {
  static let format = 2
  static let fileName = "build.json"

  var format = Self.format
  var podium: String
  var catalogue: String
  var output: String
  /// The options that change what a build writes or says.
  var options: String
  var inputs: String
  var outputs: String
  /// The latest date of an episode that was published, and the earliest of one that was
  /// scheduled: a moment between the two publishes the same episodes.
  var publishedThrough: Timestamp?
  var scheduledFrom: Timestamp?
  var findings: [Finding]
  var shows: [BuildReport.ShowSummary]
  var nextScheduled: BuildReport.Scheduled?
  /// The paths written, separated by NUL (no path holds one): decoded as one string, not one
  /// string each (10,000 at 10,000 episodes).
  var written: String

  /// The options of a build, as the cache compares them.
  static func key(_ options: BuildOptions) -> String {
    [options.allowGUIDChange, options.allowEnclosureChange, options.allowRemoval, options.allowFeedMove, options.strict]
      .map { $0 ? "1" : "0" }.joined()
  }

  /// Whether a build at `now` publishes the same episodes as the one that stored this state.
  func publishesTheSame(at now: Timestamp) -> Bool {
    (publishedThrough.map { $0 <= now } ?? true) && (scheduledFrom.map { now < $0 } ?? true)
  }

  /// The state in the cache folder; `nil` with no note when there is none, `nil` with a note when
  /// it can't be read (it is then ignored and replaced).
  static func load(from cache: BuildCache, note: inout Finding?) -> BuildState? {
    let url = cache.folder.appendingPathComponent(fileName)
    var info = stat()
    guard lstat(cache.folder.path, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      note = PublishRules.cache.finding(
        "\(cache.folder.path) is not a folder Podium made, so the build cache was not used; move it away to "
          + "let builds skip unchanged work", at: SourceLocation(file: cache.folder.lastPathComponent))
      return nil
    }
    guard lstat(url.path, &info) == 0 else { return nil }
    do {
      guard info.st_mode & S_IFMT == S_IFREG, info.st_size < 64 * 1024 * 1024 else { throw CocoaError(.fileReadCorruptFile) }
      let state = try JSONDecoder().decode(BuildState.self, from: try Data(contentsOf: url))
      guard state.format == format else { throw CocoaError(.fileReadCorruptFile) }
      return state
    } catch {
      note = PublishRules.cache.finding(
        "the build cache \(cache.folder.lastPathComponent)/\(fileName) could not be read, so it was ignored; "
          + "this build replaces it", at: SourceLocation(file: "\(cache.folder.lastPathComponent)/\(fileName)"))
      return nil
    }
  }

  /// Removes the state, so that a build that fails half-way leaves none to trust.
  static func remove(from cache: BuildCache) {
    unlink(cache.folder.appendingPathComponent(fileName).path)
  }

  /// Stores the state, replacing the file in one step. A cache that can't be written costs the
  /// next build its shortcut, nothing else.
  func store(in cache: BuildCache) {
    guard cache.makeFolder() else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(self) else { return }
    try? data.write(to: cache.folder.appendingPathComponent(Self.fileName), options: .atomic)
  }
}
