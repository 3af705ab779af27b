/// A chapter mark, written to the episode's JSON chapters file.
public struct Chapter: Sendable, Hashable {
  /// Seconds from the start.
  public var start: Double
  public var title: String
  public var url: String?
  public var img: String?
  /// `false` hides the chapter from the table of contents.
  public var toc: Bool
  /// Line in the episode file, for findings.
  public var line: Int

  public init(start: Double, title: String, url: String? = nil, img: String? = nil, toc: Bool = true, line: Int = 0) {
    self.start = start
    self.title = title
    self.url = url
    self.img = img
    self.toc = toc
    self.line = line
  }
}
