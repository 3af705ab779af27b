import Diagnostics

/// Walks boxes through a cached window on the file, checking every size it is given against the
/// parent, the file and the probe's limits, and keeping what was wrong as findings.
///
/// Box headers are read through one window (a few KB), so walking a `moov` of fifty small boxes
/// costs one or two `pread` calls, and the sample tables that make up most of a long file's
/// `moov` are skipped, never read.
final class MP4Walker<Source: ByteSource> {
  let source: Source
  let limits: ProbeLimits
  let location: SourceLocation
  private(set) var findings: [Finding] = []
  /// Set when a limit stops the probe: nothing more is read.
  private(set) var stopped = false
  private var visited = 0
  private var reportedDepth = false
  private var jumps = 0
  private var window: [UInt8] = []
  private var windowStart: Int64 = 0

  /// What one refill of the window reads at least: a page, enough for a run of box headers.
  static var refillSize: Int { 4096 }

  init(source: Source, limits: ProbeLimits, location: SourceLocation) {
    self.source = source
    self.limits = limits
    self.location = location
  }

  func report(_ rule: Rule, _ message: String) {
    findings.append(rule.finding(message, at: location))
  }

  /// Counts visited boxes and table entries against `ProbeLimits.maximumItems`.
  func visit(_ count: Int = 1) -> Bool {
    guard !stopped else { return false }
    visited += count
    guard visited <= limits.maximumItems else {
      stopped = true
      report(
        ProbeRules.limitReached,
        "stopped after \(limits.maximumItems) boxes and table entries; the rest of the file is not read")
      return false
    }
    return true
  }

  /// Whether one more read away from the box being walked (an MP3 frame header in `mdat`) is
  /// allowed: each costs two window refills, so a file of many tiny tracks can't multiply them.
  func allowJump() -> Bool {
    jumps += 1
    return jumps <= 4
  }

  /// Up to `count` bytes at `offset` (fewer at the end of the file), from the window when it
  /// holds them; otherwise the window moves there, reading at least `minimumRead` bytes.
  func bytes(at offset: Int64, count: Int, minimumRead: Int = refillSize) throws(ProbeFailure) -> ArraySlice<UInt8> {
    guard offset >= 0, offset < source.size, count > 0 else { return [] }
    let wanted = Int(min(Int64(count), source.size - offset))
    let windowEnd = windowStart + Int64(window.count)
    if offset >= windowStart, offset + Int64(wanted) <= windowEnd {
      let low = Int(offset - windowStart)
      return window[low..<low + wanted]
    }
    window = try source.read(at: offset, count: max(wanted, minimumRead))
    windowStart = offset
    return window[0..<min(wanted, window.count)]
  }

  /// A box's payload (after `skipping` bytes) as a reader, at most `limit` bytes of it.
  func reader(for box: MP4Box, skipping: Int = 0, limit: Int) throws(ProbeFailure) -> ByteReader {
    let start = box.payloadStart + Int64(skipping)
    let count = Int(max(0, min(box.end - start, Int64(limit))))
    return ByteReader(Array(try bytes(at: start, count: count)), base: start)
  }

  /// Runs `parse` on a box's payload. A field that runs past the payload becomes a finding and
  /// a nil result, so one bad box doesn't end the probe.
  func parse<T>(
    _ box: MP4Box, skipping: Int = 0, limit: Int = 64 * 1024, _ parse: (inout ByteReader) throws(ProbeFailure) -> T
  ) throws(ProbeFailure) -> T? {
    var reader = try reader(for: box, skipping: skipping, limit: limit)
    do throws(ProbeFailure) {
      return try parse(&reader)
    } catch {
      guard case .outOfBounds(let offset) = error else { throw error }
      if !box.isCut {
        report(
          ProbeRules.malformed,
          "the \(box.name) ends at byte \(box.end) before its fields do (at byte \(offset)); it is ignored")
      }
      return nil
    }
  }

  /// Calls `body` for each top-level box of the file.
  func forEachTopLevelBox(_ body: (MP4Box) throws(ProbeFailure) -> Void) throws(ProbeFailure) {
    var offset: Int64 = 0
    while offset < source.size, let box = try header(at: offset, in: nil) {
      try body(box)
      offset = box.end
    }
  }

  /// Calls `body` for each child of `parent`, from `offset` (the start of its payload unless
  /// given). `depth` is the children's depth: top-level boxes are at 0.
  func forEachChild(
    of parent: MP4Box, from offset: Int64? = nil, depth: Int, _ body: (MP4Box) throws(ProbeFailure) -> Void
  ) throws(ProbeFailure) {
    guard depth <= limits.maximumDepth else {
      if !reportedDepth {
        reportedDepth = true
        report(
          ProbeRules.limitReached,
          "boxes nest more than \(limits.maximumDepth) deep in the \(parent.name); what is inside is not read")
      }
      return
    }
    var offset = offset ?? parent.payloadStart
    while offset < parent.end, let box = try header(at: offset, in: parent) {
      if box.type == parent.type, MP4FourCC.containers.contains(box.type) {
        report(
          ProbeRules.malformed,
          "the \(box.name) is inside another '\(box.type)' box, which the format doesn't allow; it is not read")
      } else {
        try body(box)
      }
      offset = box.end
    }
  }
}

extension MP4FourCC {
  /// Boxes that hold boxes and never themselves.
  static let containers: Set<MP4FourCC> = [
    .moov, .trak, .mdia, .minf, .stbl, .udta, .meta, .ilst, .tref, .mvex, .moof, .wave, .sinf, MP4FourCC("edts"),
    MP4FourCC("dinf"),
  ]
}

extension MP4Walker {
  /// A table's entry count, cut to the entries its box has room for; a box that claims more
  /// than it holds is reported (unless it was already reported as cut short).
  func entryCount(_ claimed: UInt32, entrySize: Int, in box: MP4Box, room: Int) -> Int {
    let fits = room / entrySize
    guard Int(claimed) > fits else { return Int(claimed) }
    if !box.isCut {
      report(
        ProbeRules.malformed, "the \(box.name) claims \(claimed) entries but has room for \(fits); only those are read")
    }
    return fits
  }
}

extension MP4Walker {
  /// One big-endian field of `count` bytes (at most 8) at `offset` in a box's payload, or nil
  /// (reported) when the payload ends first.
  func field(_ box: MP4Box, at offset: Int, bytes count: Int) throws(ProbeFailure) -> UInt64? {
    try parse(box, skipping: offset, limit: count) { reader throws(ProbeFailure) in try reader.uintBE(count) }
  }
}
