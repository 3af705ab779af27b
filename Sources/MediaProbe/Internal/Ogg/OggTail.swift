/// The last pages of an Ogg file, from a bounded tail read instead of a walk over every page.
/// Takes the first run of pages that chain to the end of the file, so a capture pattern that
/// happens to occur inside packet data is not taken for a page.
struct OggTail {
  /// The last granule position of each stream, from pages wholly in the file.
  var granules: [UInt32: Int64] = [:]
  /// The last page wholly in the file.
  var lastPage: OggPage?
  /// A page the end of the file cuts short: its offset and the length its header claims.
  var cutPage: (offset: Int64, claimed: Int)?
  /// Bytes after the last page that start no page.
  var trailing: (offset: Int64, count: Int64)?

  /// Bounds the resynchronisation work on hostile tails full of capture patterns.
  private static let maximumSteps = 100_000

  /// Scans `bytes`, the file's last bytes starting at `base`.
  init(_ bytes: ArraySlice<UInt8>, base: Int64, fileSize: Int64) {
    var from = bytes.startIndex
    var steps = 0
    while steps < Self.maximumSteps, let capture = Self.nextCapture(in: bytes, from: from) {
      if let run = Self.run(in: bytes, from: capture, base: base, fileSize: fileSize, steps: &steps) {
        self = run
        return
      }
      from = capture + 1
    }
  }

  init() {}

  /// Follows pages from `start`; nil when they lead to bytes that are no page and more pages
  /// follow, which means `start` was no page either.
  private static func run(
    in bytes: ArraySlice<UInt8>, from start: Int, base: Int64, fileSize: Int64, steps: inout Int
  ) -> OggTail? {
    var run = OggTail()
    var position = start
    while position < bytes.endIndex, steps < maximumSteps {
      steps += 1
      let rest = bytes[position...]
      let offset = base + Int64(position)
      if let page = OggPage(rest, offset: offset), page.end <= fileSize {
        run.lastPage = page
        if page.granule != -1 { run.granules[page.serial] = page.granule }
        position += page.length
      } else if OggPage.hasCapture(rest) || isCapturePrefix(rest) {
        run.cutPage = (offset, Self.claimedLength(rest))
        return run
      } else if position > start, nextCapture(in: bytes, from: position) == nil {
        run.trailing = (offset, fileSize - offset)
        return run
      } else {
        return nil
      }
    }
    return run.lastPage == nil ? nil : run
  }

  private static func nextCapture(in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 4 <= bytes.endIndex {
      if bytes[index] == 0x4F, bytes[index + 1] == 0x67, bytes[index + 2] == 0x67, bytes[index + 3] == 0x53 {
        return index
      }
      index += 1
    }
    return nil
  }

  /// The length a cut page's header claims, as far as its segment table is in the file.
  private static func claimedLength(_ rest: ArraySlice<UInt8>) -> Int {
    guard let segments = OggPage.segmentCount(rest) else { return OggPage.fixedHeaderLength }
    let lacing = rest.dropFirst(OggPage.fixedHeaderLength).prefix(segments)
    return OggPage.fixedHeaderLength + segments + lacing.reduce(0) { $0 + Int($1) }
  }

  /// A page header cut inside its fixed part: `O`, `Og`, `OggS…`, shorter than 27 bytes.
  private static func isCapturePrefix(_ rest: ArraySlice<UInt8>) -> Bool {
    rest.count < OggPage.fixedHeaderLength && zip(rest, [0x4F, 0x67, 0x67, 0x53, 0x00]).allSatisfy { $0 == $1 }
  }
}
