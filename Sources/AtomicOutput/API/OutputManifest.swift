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
    // A build gives its paths sorted, once each, with this one: then they are taken as they are.
    let ready = zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 } && paths.contains(path)
    let files = ready ? paths : Array(Set(paths + [path])).sorted()
    if let text = plainText(files) { return text }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(Contents(files: files))
    data.append(0x0A)
    return data
  }

  /// What comes before the first path and after the last in the bytes `JSONEncoder` writes.
  private static let head = Array("{\n  \"files\" : [\n".utf8)
  private static let tail = Array("\n  ],\n  \"version\" : 1\n}\n".utf8)
  /// Before each path: its indent and opening quote.
  private static let opening: [UInt8] = [0x20, 0x20, 0x20, 0x20, 0x22]

  /// The bytes `JSONEncoder` gives the manifest (`.prettyPrinted`, `.sortedKeys`,
  /// `.withoutEscapingSlashes`, then a line break), written straight, when no path needs an
  /// escape (a quote, a backslash or a control character,
  /// https://www.rfc-editor.org/rfc/rfc8259#section-7); `nil` otherwise. A network's 200,000
  /// paths through the encoder's tree of values were a few per cent of a rebuild
  /// (docs/performance.md); OutputManifestTests compares the two.
  static func plainText(_ files: [String]) -> Data? {
    var bytes = head
    bytes.reserveCapacity(files.reduce(head.count + tail.count) { $0 + $1.utf8.count + 8 })
    for (index, file) in files.enumerated() {
      if index > 0 { bytes += [0x2C, 0x0A] }
      bytes += opening
      for byte in file.utf8 {
        guard byte >= 0x20, byte != 0x22, byte != 0x5C else { return nil }
        bytes.append(byte)
      }
      bytes.append(0x22)
    }
    bytes += tail
    return Data(bytes)
  }

  /// The files a manifest lists; `nil` when it can't be read as one.
  static func decode(_ data: Data) -> Set<String>? {
    plainFiles(data).map(Set.init) ?? (try? JSONDecoder().decode(Contents.self, from: data)).map { Set($0.files) }
  }

  /// The paths of a manifest in exactly the bytes ``plainText(_:)`` writes (no backslash in it);
  /// `nil` for any other, which `JSONDecoder` reads.
  static func plainFiles(_ data: Data) -> [String]? {
    let bytes = [UInt8](data)
    return plainSpans(bytes)?.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
  }

  /// Where each path of ``plainFiles(_:)`` is in `bytes`, without making a string of it: a
  /// network's manifest is read in one pass, and its paths are looked up where they are
  /// (``ManifestIndex``). Quotes and line breaks are ASCII, which no byte of a longer UTF-8
  /// sequence is, so the bytes being UTF-8 as a whole makes each path UTF-8.
  static func plainSpans(_ bytes: [UInt8]) -> [ManifestIndex.Span]? {
    bytes.withUnsafeBufferPointer { bytes -> [ManifestIndex.Span]? in
      guard bytes.count > head.count + tail.count, bytes.count <= UInt32.max, bytes.starts(with: head),
        bytes.suffix(tail.count).elementsEqual(tail), !bytes.contains(0x5C),
        bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil
      else { return nil }
      let end = bytes.count - tail.count
      var spans: [ManifestIndex.Span] = []
      var index = head.count
      while true {
        guard end - index > opening.count, bytes[index..<index + opening.count].elementsEqual(opening) else { return nil }
        let start = index + opening.count
        guard let close = bytes[start..<end].firstIndex(where: { $0 < 0x20 || $0 == 0x22 }), bytes[close] == 0x22,
          close > start
        else { return nil }
        spans.append(ManifestIndex.Span(start: UInt32(start), end: UInt32(close)))
        index = close + 1
        if index == end { return spans }
        guard end - index > 2, bytes[index] == 0x2C, bytes[index + 1] == 0x0A else { return nil }
        index += 2
      }
    }
  }
}
