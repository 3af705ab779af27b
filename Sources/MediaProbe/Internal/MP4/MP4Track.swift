/// What one `trak` box says.
struct MP4Track {
  var id: UInt32 = 0
  /// `hdlr`: `soun`, `vide`, `text`, `sbtl`, `subt`, …
  var handler: MP4FourCC?
  var timescale: UInt32 = 0
  /// `mdhd`, in `timescale` units.
  var mediaDuration: UInt64?
  /// `tkhd`, after edit lists, in the movie's timescale.
  var presentationDuration: UInt64?
  var language: String?
  /// `tkhd`: the display size.
  var width: Int?
  var height: Int?
  var entry: MP4SampleEntry?
  /// `tref/chap`: the tracks that hold this track's chapters.
  var chapterTrackIDs: [UInt32] = []
  var tables = MP4SampleTables()
  /// `edts/elst`, where the media starts to be shown: read for a chapter track, whose first
  /// chapter may start after 0.
  var edit: MP4Edit?

  var kind: Track.Kind {
    switch handler {
    case .soun?: .audio
    case .vide?: .video
    case .text?, .sbtl?, .subt?, .clcp?: .text
    default: .other
    }
  }

  /// Seconds: the presented length when `tkhd` gives one, else the media's.
  func duration(movieTimescale: UInt32) -> Double? {
    if let presentationDuration, presentationDuration > 0, movieTimescale > 0 {
      return Double(presentationDuration) / Double(movieTimescale)
    }
    guard let mediaDuration, mediaDuration > 0, timescale > 0 else { return nil }
    return Double(mediaDuration) / Double(timescale)
  }

  /// Frames a second: samples over the total of their durations in `stts`, or, for a long
  /// `stts`, over the media duration.
  var frameRate: Double? {
    guard timescale > 0 else { return nil }
    if let samples = tables.timedSamples, let ticks = tables.timedTicks, samples > 0, ticks > 0 {
      return Double(samples) * Double(timescale) / Double(ticks)
    }
    guard let samples = tables.sampleCount, let mediaDuration, samples > 0, mediaDuration > 0 else { return nil }
    return Double(samples) * Double(timescale) / Double(mediaDuration)
  }
}

extension MP4FourCC {
  static let soun = MP4FourCC("soun"), vide = MP4FourCC("vide"), text = MP4FourCC("text"), sbtl = MP4FourCC("sbtl")
  static let subt = MP4FourCC("subt"), clcp = MP4FourCC("clcp")
}

/// The start of a track's edit list (ISO/IEC 14496-12, 8.6.6): empty edits first (nothing shown
/// for `delay`, in the movie's timescale), then `mediaTime` onwards (the media's timescale) shown
/// for `shown` (the movie's).
struct MP4Edit: Equatable {
  var delay: UInt64 = 0
  var mediaTime: Int64 = 0
  var shown: UInt64?
}
