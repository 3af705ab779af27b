import Catalogue

extension Episode {
  /// The notes' Markdown as every output publishes it: with the chapters appended as `00:00 Title`
  /// lines when the show asks for them (`chapter_timestamps`), so the feed's notes and the video
  /// pages say the same.
  ///
  /// - Throws: ``NotesSource/Changed`` when the episode file changed after it was loaded.
  public func publishedNotes(in show: Show) throws -> String {
    let markdown = try loadNotes()
    return show.chapterTimestamps ? ChapterDialects.notes(markdown, appending: chapters) : markdown
  }
}
