/// A QuickTime chapter track, the chapter list Apple's players read: a disabled `text` track that
/// the audio and video tracks name in `tref/chap`, with one sample per chapter, its title as a
/// 16-bit length and UTF-8 followed by an `encd` atom, each lasting until the next chapter starts
/// (https://developer.apple.com/documentation/quicktime-file-format/chapter_lists,
/// https://developer.apple.com/documentation/quicktime-file-format/text_sample_description;
/// ffmpeg's movenc writes the same, mov_create_chapter_track, but starts the first chapter at 0
/// even when it starts later). The samples go in an `mdat` of
/// their own, so that embedding again finds and replaces them.
struct MP4ChapterTextTrack {
  /// The track's own clock: milliseconds, as ID3 `CHAP` counts.
  static let timescale: UInt32 = 1000
  /// What the probe reads of a title (its `maximumTitle`, less the length field).
  static let maximumTitle = 1022

  let id: UInt32
  /// Milliseconds before the first chapter starts: shown as nothing by an empty edit
  /// (https://developer.apple.com/documentation/quicktime-file-format/edit_list_atom), so the
  /// chapters keep their times in Apple's players and in ffmpeg, which read the edit list.
  let lead: UInt32
  /// Each chapter's length in milliseconds, the last one lengthened by the lead (the edit list
  /// cuts it where the chapters end), so the media's duration is where they end: ffmpeg ends
  /// the last chapter at the media's duration, without the lead.
  let durations: [UInt32]
  let samples: [[UInt8]]

  init(_ chapters: [ChapterEmbedder.Mark], id: UInt32) {
    self.id = id
    var starts: [UInt32] = []
    for chapter in chapters { starts.append(max(starts.last ?? 0, Self.milliseconds(chapter.start))) }
    lead = starts.first ?? 0
    let end = max(Self.milliseconds(chapters.last?.end ?? 0), (starts.last ?? 0) + 1)
    var durations = zip(starts, starts.dropFirst() + [end]).map { $1 - $0 }
    if !durations.isEmpty { durations[durations.count - 1] += lead }
    self.durations = durations
    samples = chapters.map { chapter in
      var title: [UInt8] = []
      for character in chapter.title where title.count + character.utf8.count <= Self.maximumTitle { title += character.utf8 }
      // `encd` 0x100: the text is UTF-8.
      return MP4BoxBytes.u16(UInt16(title.count)) + title + MP4BoxBytes.fullBox("encd", [0, 0, 1, 0])
    }
  }

  var duration: UInt64 { durations.reduce(0) { $0 + UInt64($1) } }

  /// The `mdat` that holds the titles, one after another.
  var mdat: [UInt8] { MP4BoxBytes.box("mdat", samples.flatMap { $0 }) }

  /// The `trak`, its one chunk at `offset` in the file (`co64` when `wide`), `movieTimescale`
  /// the `mvhd`'s, for the track header's duration.
  func trak(offset: Int64, wide: Bool, movieTimescale: UInt32) -> [UInt8] {
    typealias B = MP4BoxBytes
    let inMovie = { (milliseconds: UInt64) in UInt64((Double(milliseconds) * Double(movieTimescale) / Double(Self.timescale)).rounded()) }
    let movieDuration = inMovie(duration)
    let long = movieDuration > UInt64(UInt32.max)
    // Flags 2: in the movie, but not enabled, so players don't show the titles as subtitles.
    var tkhd = long ? B.u64(0) + B.u64(0) : B.u32(0) + B.u32(0)
    tkhd += B.u32(id) + B.u32(0) + (long ? B.u64(movieDuration) : B.u32(UInt32(movieDuration)))
    tkhd += [UInt8](repeating: 0, count: 16) + Self.identityMatrix + B.u32(0) + B.u32(0)
    let shortMedia = duration <= UInt64(UInt32.max)
    var mdhd = shortMedia ? B.u32(0) + B.u32(0) : B.u64(0) + B.u64(0)
    mdhd += B.u32(Self.timescale) + (shortMedia ? B.u32(UInt32(duration)) : B.u64(duration))
    mdhd += B.u16(0x55C4) + B.u16(0)  // language 'und'
    let hdlr = B.u32(0) + Array("text".utf8) + [UInt8](repeating: 0, count: 12) + Array("Chapters".utf8) + [0]
    // The base media header QuickTime gives a text track: `gmin` (graphics mode copy) and `text`.
    let gmhd = B.box(
      "gmhd",
      B.fullBox("gmin", B.u16(0x40) + B.u16(0x8000) + B.u16(0x8000) + B.u16(0x8000) + B.u16(0) + B.u16(0))
        + B.box("text", Self.identityMatrix))
    let dinf = B.box("dinf", B.fullBox("dref", B.u32(1) + B.fullBox("url ", flags: 1, [])))
    var stts: [UInt8] = []
    var runs = 0
    var index = 0
    while index < durations.count {
      var count = 1
      while index + count < durations.count, durations[index + count] == durations[index] { count += 1 }
      stts += B.u32(UInt32(count)) + B.u32(durations[index])
      runs += 1
      index += count
    }
    let count = B.u32(UInt32(samples.count))
    let stbl = B.box(
      "stbl",
      B.fullBox("stsd", B.u32(1) + B.box("text", Self.textDescription))
        + B.fullBox("stts", B.u32(UInt32(runs)) + stts)
        + B.fullBox("stsc", B.u32(1) + B.u32(1) + count + B.u32(1))
        + B.fullBox("stsz", B.u32(0) + count + samples.flatMap { B.u32(UInt32($0.count)) })
        + (wide ? B.fullBox("co64", B.u32(1) + B.u64(UInt64(offset))) : B.fullBox("stco", B.u32(1) + B.u32(UInt32(offset)))))
    let mdia = B.box(
      "mdia",
      B.fullBox("mdhd", version: shortMedia ? 0 : 1, mdhd) + B.fullBox("hdlr", hdlr) + B.box("minf", gmhd + dinf + stbl))
    // An empty edit for the lead, then the media from its start to where the chapters end.
    var edits: [UInt8] = []
    if lead > 0 {
      let delay = inMovie(UInt64(lead))
      let entry = { (duration: UInt64, time: Int64) in
        long ? B.u64(duration) + B.u64(UInt64(bitPattern: time)) : B.u32(UInt32(duration)) + B.u32(UInt32(bitPattern: Int32(time)))
      }
      let rate = B.u16(1) + B.u16(0)
      let list = B.u32(2) + entry(delay, -1) + rate + entry(movieDuration - min(delay, movieDuration), 0) + rate
      edits = B.box("edts", B.fullBox("elst", version: long ? 1 : 0, list))
    }
    return B.box("trak", B.fullBox("tkhd", version: long ? 1 : 0, flags: 2, tkhd) + edits + mdia)
  }

  /// The text sample description after its data reference index: display flags, justification,
  /// background colour, default text box, reserved, font number and face, reserved, foreground
  /// colour and an empty font name, all zero (left-aligned black text, the default font).
  static let textDescription: [UInt8] = [0, 0, 0, 0, 0, 0] + MP4BoxBytes.u16(1) + [UInt8](repeating: 0, count: 44)

  static let identityMatrix: [UInt8] = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].flatMap { MP4BoxBytes.u32($0) }

  static func milliseconds(_ seconds: Double) -> UInt32 {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    return UInt32(min(seconds * 1000, Double(UInt32.max - 1)).rounded())
  }
}
