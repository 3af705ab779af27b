/// A transcript or captions file for an episode (`podcast:transcript`).
public struct Transcript: Sendable, Hashable, Codable {
  /// Path inside the show folder.
  public var file: String
  public var type: String
  public var language: String?
  /// `captions` for timed captions.
  public var rel: String?
  public var line: Int

  public init(file: String, type: String, language: String? = nil, rel: String? = nil, line: Int = 0) {
    self.file = file
    self.type = type
    self.language = language
    self.rel = rel
    self.line = line
  }

  /// The file's name in the output folder's `transcripts/`.
  public var outputName: String { file.split(separator: "/").last.map(String.init) ?? file }
}
