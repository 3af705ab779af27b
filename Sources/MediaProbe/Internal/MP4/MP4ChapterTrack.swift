/// A QuickTime chapter track (named by another track's `tref/chap`): each text sample is a
/// title, timed by `stts`. Only this track's sample tables are read, bounded by
/// `maximumChapters`, and then the titles themselves, in one read when they sit together.
struct MP4ChapterTrack<Source: ByteSource> {
  let walker: MP4Walker<Source>
  let track: MP4Track

  static var maximumChapters: Int { 10_000 }
  /// The longest title read.
  static var maximumTitle: Int { 1024 }
  /// Titles spread over more than this are read one by one.
  static var maximumSpan: Int64 { 256 * 1024 }

  /// `movieTimescale`: the `mvhd`'s, which an edit list's durations count in.
  func chapters(movieTimescale: UInt32) throws(ProbeFailure) -> [MediaChapter] {
    let tables = track.tables
    guard track.timescale > 0, let stts = tables.stts, let stsz = tables.stsz, let stsc = tables.stsc,
      let chunkOffsets = tables.chunkOffsets
    else { return [] }
    let sizes = try sampleSizes(stsz)
    let durations = Self.expand(
      try table(stts, entrySize: 8) { reader throws(ProbeFailure) in
        (try reader.u32be(), UInt64(try reader.u32be()))
      }, upTo: sizes.count)
    let runs = try table(stsc, entrySize: 12) { reader throws(ProbeFailure) in
      let first = try reader.u32be()
      let count = try reader.u32be()
      try reader.skip(4)
      return (first, count)
    }
    let wide = chunkOffsets.type == .co64
    let chunks = try table(chunkOffsets, entrySize: wide ? 8 : 4) { reader throws(ProbeFailure) in
      wide ? Int64(clamping: try reader.u64be()) : Int64(try reader.u32be())
    }
    let offsets = Self.sampleOffsets(sizes: sizes, runs: runs, chunks: chunks)
    let titles = try readTitles(offsets: offsets, sizes: sizes)
    var chapters: [MediaChapter] = []
    var time: UInt64 = 0
    let scale = Double(track.timescale)
    // An edit list that starts with an empty edit shows the first chapter later (ffmpeg's
    // movenc and Podium's writer keep a lead-in so); the shown part ends where its edit does.
    let edit = movieTimescale > 0 ? track.edit : nil
    let delay = edit.map { Double($0.delay) / Double(movieTimescale) } ?? 0
    let mediaStart = Double(edit?.mediaTime ?? 0) / scale
    let shownEnd = edit?.shown.map { delay + Double($0) / Double(movieTimescale) }
    let presented = { (ticks: UInt64) in delay + max(0, Double(ticks) / scale - mediaStart) }
    for (index, title) in titles.enumerated() {
      let duration = index < durations.count ? durations[index] : nil
      let start = presented(time)
      var end = duration.map { presented(time &+ $0) }
      if let shownEnd, let known = end { end = max(start, min(known, shownEnd)) }
      chapters.append(MediaChapter(start: start, end: end, title: title))
      time &+= duration ?? 0
    }
    return chapters
  }

  /// A full box's table: a count, then entries, cut to what the box holds and to `maximumChapters`.
  private func table<Entry>(
    _ box: MP4Box, skipping: Int = 4, entrySize: Int, _ entry: (inout ByteReader) throws(ProbeFailure) -> Entry
  ) throws(ProbeFailure) -> [Entry] {
    let limit = skipping + 4 + entrySize * Self.maximumChapters
    return try walker.parse(box, limit: limit) { reader throws(ProbeFailure) in
      try reader.skip(skipping)
      let claimed = try reader.u32be()
      let count = walker.entryCount(claimed, entrySize: entrySize, in: box, room: reader.remaining)
      if count >= Self.maximumChapters, claimed > Self.maximumChapters {
        walker.report(
          ProbeRules.limitReached,
          "the chapter track's \(box.name) has \(claimed) entries; only the first \(Self.maximumChapters) are read")
      }
      guard walker.visit(count) else { return [] }
      var entries: [Entry] = []
      entries.reserveCapacity(count)
      for _ in 0..<count { entries.append(try entry(&reader)) }
      return entries
    } ?? []
  }

  /// Each sample's duration from `stts` runs, for at most `count` samples.
  static func expand(_ runs: [(UInt32, UInt64)], upTo count: Int) -> [UInt64] {
    var durations: [UInt64] = []
    for (samples, duration) in runs where durations.count < count {
      durations += repeatElement(duration, count: min(Int(samples), count - durations.count))
    }
    return durations
  }

  /// `stsz`: one size for all samples, or a table; `stz2` is not used by chapter tracks.
  private func sampleSizes(_ stsz: MP4Box) throws(ProbeFailure) -> [Int64] {
    guard stsz.type == .stsz, let size = try walker.field(stsz, at: 4, bytes: 4),
      let count = try walker.field(stsz, at: 8, bytes: 4)
    else { return [] }
    if size != 0 { return Array(repeating: Int64(size), count: Int(min(count, UInt64(Self.maximumChapters)))) }
    return try table(stsz, skipping: 8, entrySize: 4) { reader throws(ProbeFailure) in Int64(try reader.u32be()) }
  }

  /// Where each sample starts: chunks in order, `stsc` saying how many samples each holds. Runs
  /// that go back over chunks already visited stop the walk, so it visits each chunk once.
  static func sampleOffsets(sizes: [Int64], runs: [(UInt32, UInt32)], chunks: [Int64]) -> [Int64] {
    var offsets: [Int64] = []
    offsets.reserveCapacity(sizes.count)
    var visited = 0
    for (index, run) in runs.enumerated() {
      let first = Int(run.0)
      let next = index + 1 < runs.count ? Int(runs[index + 1].0) : chunks.count + 1
      let last = min(next, chunks.count + 1)
      guard first > visited, first < last else { break }
      visited = last - 1
      for chunk in first..<last {
        var offset = chunks[chunk - 1]
        for _ in 0..<run.1 {
          guard offsets.count < sizes.count else { return offsets }
          offsets.append(offset)
          offset = adding(offset, sizes[offsets.count - 1])
        }
      }
    }
    return offsets
  }

  /// Offsets are never negative: a sum past the largest offset stays there.
  static func adding(_ offset: Int64, _ size: Int64) -> Int64 {
    offset > Int64.max - size ? Int64.max : offset + size
  }

  /// Each sample: a 16-bit length, then the title (UTF-8, or UTF-16 with a byte order mark).
  private func readTitles(offsets: [Int64], sizes: [Int64]) throws(ProbeFailure) -> [String?] {
    let lengths = offsets.indices.map { min(sizes[$0], Int64(Self.maximumTitle)) }
    guard let low = offsets.min(), let high = offsets.indices.map({ Self.adding(offsets[$0], lengths[$0]) }).max()
    else {
      return []
    }
    let span = high - low
    let together = span <= Self.maximumSpan ? try walker.bytes(at: low, count: Int(span)) : nil
    var titles: [String?] = []
    for (offset, length) in zip(offsets, lengths) {
      let sample: ArraySlice<UInt8>
      if let together, offset >= low {
        let start = together.startIndex + Int(offset - low)
        sample = together[min(start, together.endIndex)..<min(start + Int(length), together.endIndex)]
      } else {
        sample = try walker.bytes(at: offset, count: Int(length), minimumRead: 0)
      }
      titles.append(Self.title(sample))
    }
    return titles
  }

  static func title(_ sample: ArraySlice<UInt8>) -> String? {
    guard sample.count >= 2 else { return nil }
    let length = Int(sample[sample.startIndex]) << 8 | Int(sample[sample.startIndex + 1])
    let text = sample.dropFirst(2).prefix(length)
    return MP4Tags.textWithByteOrderMark(text)
  }
}
