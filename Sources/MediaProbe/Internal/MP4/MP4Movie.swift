/// What the `moov` box says, before it is turned into `MediaInfo`.
struct MP4Movie {
  /// `mvhd` was found and read.
  var hasHeader = false
  var timescale: UInt32 = 0
  /// In `timescale` units; nil when `mvhd` leaves it unknown.
  var duration: UInt64?
  /// `mvex/mehd`: the whole length of a fragmented file.
  var fragmentDuration: UInt64?
  var tracks: [MP4Track] = []
  /// From a Nero `chpl` box.
  var neroChapters: [MediaChapter] = []
  var tags: [String: String] = [:]
  var artwork: [EmbeddedArtwork] = []

  func seconds(_ value: UInt64?) -> Double? {
    guard let value, value > 0, timescale > 0 else { return nil }
    return Double(value) / Double(timescale)
  }

  /// IDs of the tracks other tracks name as their chapters (titles, or images in enhanced podcasts).
  var chapterTrackIDs: Set<UInt32> { Set(tracks.flatMap(\.chapterTrackIDs)) }
}
