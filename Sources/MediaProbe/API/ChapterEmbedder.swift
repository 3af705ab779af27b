import Foundation

/// Writes chapters into a media file, for the apps that read only embedded chapters (Apple
/// Podcasts, Overcast, Castro): ID3v2 `CHAP`/`CTOC` frames in an MP3 (https://id3.org/id3v2-chapters-1.0);
/// in an MP4 a QuickTime chapter track, which Apple's players read, and a Nero `chpl` box, which
/// others read (docs/probe.md, Writing chapters). Small and our own, like the probe, which reads
/// them back. The file is written anew beside the old one and renamed over it, so a reader sees the old
/// file or the new one, never part of either.
public enum ChapterEmbedder {
  /// A chapter to write: start and end in seconds, and a title.
  public struct Mark: Sendable, Hashable {
    public var start: Double
    public var end: Double
    public var title: String

    public init(start: Double, end: Double, title: String) {
      self.start = start
      self.end = end
      self.title = title
    }
  }

  /// Why a file was left as it was, in words for the producer.
  public struct Refusal: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) { self.description = description }
  }

  /// At most what an ID3 `CTOC` and a `chpl` box can count: one byte.
  public static let maximumChapters = 255

  /// Replaces the chapters in the MP3 or MP4 file at `path` with `chapters`, keeping every other
  /// tag and box.
  ///
  /// - Returns: the file's new size in bytes.
  public static func embed(_ chapters: [Mark], into path: String) throws(Refusal) -> Int64 {
    try embed(chapters, into: path, beforeSwap: nil)
  }

  /// `beforeSwap` runs after the new file is written and before it replaces the old one.
  static func embed(_ chapters: [Mark], into path: String, beforeSwap: (() -> Void)?) throws(Refusal) -> Int64 {
    guard !chapters.isEmpty else { throw Refusal("there are no chapters to write") }
    guard chapters.count <= maximumChapters else {
      throw Refusal("\(chapters.count) chapters are more than the \(maximumChapters) a media file can hold")
    }
    let source = try FileSplice.Source(path: path)
    let header = try source.read(at: 0, count: 12)
    // Probed through the descriptor just opened, so the file judged is the file rewritten.
    let container = (try? FileByteSource(duplicating: source.descriptor, size: source.size, limits: ProbeLimits()))
      .map { MediaProbe().probe($0, path: path).container }
    let splice: FileSplice.Edit
    switch container {
    case .mp3: splice = try ID3ChapterTag.edit(chapters, source: source, header: header)
    case .mp4: splice = try MP4ChapterEdit.edit(chapters, source: source)
    default: throw Refusal("'\(path)' is neither an MP3 nor an MP4 file; Podium writes chapters only into those")
    }
    return try FileSplice.apply(splice, to: source, beforeSwap: beforeSwap)
  }
}
