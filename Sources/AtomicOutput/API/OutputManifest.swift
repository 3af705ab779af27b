import Foundation

/// The list of every file a build wrote, kept in the output folder at `.podium/manifest.json`.
/// It is how the next build knows the folder is Podium's and holds nothing else, before it
/// replaces it: Podium never deletes a file it did not write (docs/safety.md).
public enum OutputManifest {
  public static let path = ".podium/manifest.json"

  private struct Contents: Codable {
    var version = 1
    var files: [String]
  }

  /// The manifest of a tree that will hold `paths` (the manifest's own path is added).
  public static func encode(_ paths: [String]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // A build gives its paths sorted, once each, with this one: then they are taken as they are.
    let ready = zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 } && paths.contains(path)
    var data = try encoder.encode(Contents(files: ready ? paths : Array(Set(paths + [path])).sorted()))
    data.append(0x0A)
    return data
  }

  /// The files a manifest lists; `nil` when it can't be read as one.
  static func decode(_ data: Data) -> Set<String>? {
    (try? JSONDecoder().decode(Contents.self, from: data)).map { Set($0.files) }
  }
}
