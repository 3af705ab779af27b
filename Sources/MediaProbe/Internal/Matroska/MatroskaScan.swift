import Diagnostics

/// The head of a Matroska or WebM file, read through the window: the EBML header, then the
/// Segment's children up to the first Cluster, stepping over everything else by its size. Info,
/// Tracks, Chapters or Tags placed after the clusters are found through the SeekHead.
struct MatroskaScan {
  /// The largest Info, Tracks, Chapters, Tags or SeekHead read into memory.
  static let masterReadCap = 1024 * 1024
  /// Elements allowed before the Segment (EBML Void, CRC-32).
  static let maximumPreamble = 64

  var docType: String?
  var timestampScale: UInt64 = 1_000_000
  var durationTicks: Double?
  var title: String?
  var tracks: [MatroskaTrack] = []
  var chapters: [MediaChapter] = []
  var tags: [String: String] = [:]
  var findings: [Finding] = []
  /// The Segment's data and where it or the file ends, whichever comes first.
  var segmentData: Int64 = 0
  var segmentEnd: Int64 = 0
  var firstCluster: Int64?
  /// The Segment claims more bytes than the file has.
  var segmentCut = false

  private var seen: Set<UInt32> = []
  private var seeks: [UInt32: Int64] = [:]
  private var budget: EBMLBody.Budget
  private let location: SourceLocation

  init(_ window: inout ReadAheadWindow<some ByteSource>, start: Int64, limits: ProbeLimits, location: SourceLocation)
    throws(ProbeFailure)
  {
    self.location = location
    budget = EBMLBody.Budget(elements: min(limits.maximumItems, 1_000_000), maximumDepth: limits.maximumDepth)
    do throws(EBMLError) {
      let segment = try readEBMLHeader(&window, at: start)
      guard let segment else { return }
      try scanSegment(segment, &window)
      try followSeeks(&window)
    } catch {
      report(error, fileSize: window.fileSize)
    }
  }

  // MARK: - The EBML header and the Segment

  /// Reads the EBML header, then finds the Segment after it.
  private mutating func readEBMLHeader(_ window: inout ReadAheadWindow<some ByteSource>, at start: Int64)
    throws(EBMLError) -> EBMLElement?
  {
    let header = try Self.element(&window, at: start)
    guard header.id == MatroskaID.ebml, let size = header.size, size <= 4096 else {
      throw .malformed(offset: start, "the EBML header at byte \(start) claims \(header.size.map(String.init) ?? "an unknown number of") bytes; a real one has a few dozen")
    }
    let body = try Self.body(&window, header)
    for child in try body.children(in: 0..<body.bytes.count, depth: 1, budget: &budget)
    where child.element.id == MatroskaID.docType {
      docType = body.string(child)
    }
    guard docType == "webm" || docType == "matroska" else { return nil }
    var offset = header.dataOffset + size
    for _ in 0..<Self.maximumPreamble {
      let element = try Self.element(&window, at: offset)
      if element.id == MatroskaID.segment { return element }
      guard let end = element.end else {
        throw .malformed(offset: offset, "the \(MatroskaID.name(element.id)) at byte \(offset) has an unknown size, which only Segment and Cluster may have")
      }
      offset = end
    }
    throw .malformed(offset: offset, "no Segment in the first \(Self.maximumPreamble) elements (byte \(offset))")
  }

  /// Walks the Segment's children up to the first Cluster.
  private mutating func scanSegment(_ segment: EBMLElement, _ window: inout ReadAheadWindow<some ByteSource>)
    throws(EBMLError)
  {
    let fileSize = window.fileSize
    segmentData = segment.dataOffset
    segmentEnd = min(segment.end ?? fileSize, fileSize)
    if let end = segment.end, end > fileSize {
      segmentCut = true
      findings.append(ProbeRules.truncated.finding(
        "the Segment (byte \(segment.offset)) claims \(segment.size ?? 0) bytes but the file ends \(end - fileSize) bytes short of it, at byte \(fileSize): it was cut short; upload it again",
        at: location))
    }
    var offset = segmentData
    while offset < segmentEnd {
      budget.elements -= 1
      guard budget.elements >= 0 else { throw .limit(offset: offset, "too many EBML elements (byte \(offset))") }
      let element = try Self.element(&window, at: offset)
      if element.id == MatroskaID.cluster {
        firstCluster = offset
        return
      }
      guard let end = element.end else {
        throw .malformed(offset: offset, "the \(MatroskaID.name(element.id)) at byte \(offset) has an unknown size, which only Segment and Cluster may have")
      }
      guard end <= segmentEnd else {
        if end <= fileSize {
          throw .malformed(offset: offset, "the \(MatroskaID.name(element.id)) at byte \(offset) claims \(element.size ?? 0) bytes, more than the Segment holds")
        }
        // A Segment that claims more than the file was reported already.
        if segment.end ?? 0 > fileSize { return }
        throw .cut(offset: offset)
      }
      if MatroskaID.parsedMasters.contains(element.id) { readMaster(element, &window) }
      offset = end
    }
  }

  /// Info, Tracks, Chapters and Tags the header scan didn't meet, where the SeekHead says they are.
  private mutating func followSeeks(_ window: inout ReadAheadWindow<some ByteSource>) throws(EBMLError) {
    for id in [MatroskaID.info, MatroskaID.tracks, MatroskaID.chapters, MatroskaID.tags] where !seen.contains(id) {
      guard let position = seeks[id], position >= 0, segmentData + position < segmentEnd,
        let element = try? Self.element(&window, at: segmentData + position, readAhead: 4096), element.id == id,
        let end = element.end, end <= segmentEnd
      else { continue }
      readMaster(element, &window)
    }
  }

  // MARK: - Masters

  /// Reads one master element into memory and interprets it; a damaged one becomes a finding and
  /// the scan goes on with its siblings.
  private mutating func readMaster(_ element: EBMLElement, _ window: inout ReadAheadWindow<some ByteSource>) {
    guard !seen.contains(element.id) else { return }
    seen.insert(element.id)
    guard let size = element.size, size <= Self.masterReadCap else {
      findings.append(ProbeRules.limitReached.finding(
        "the \(MatroskaID.name(element.id)) at byte \(element.offset) is \(element.size ?? -1) bytes, more than the \(Self.masterReadCap) the probe reads; it was skipped",
        at: location))
      return
    }
    do throws(EBMLError) {
      let body = try Self.body(&window, element)
      switch element.id {
      case MatroskaID.info: try readInfo(body)
      case MatroskaID.tracks: try readTracks(body)
      case MatroskaID.chapters: chapters = try MatroskaChapters.read(body, depth: 2, budget: &budget)
      case MatroskaID.tags: try MatroskaTags.read(body, depth: 2, budget: &budget, into: &tags)
      case MatroskaID.seekHead: try readSeekHead(body)
      default: break
      }
    } catch {
      report(error, fileSize: window.fileSize)
    }
  }

  private mutating func readInfo(_ body: EBMLBody) throws(EBMLError) {
    for child in try body.children(in: 0..<body.bytes.count, depth: 2, budget: &budget) {
      switch child.element.id {
      case MatroskaID.timestampScale:
        if let scale = body.uint(child), scale > 0 { timestampScale = scale }
      case MatroskaID.duration: durationTicks = body.float(child)
      case MatroskaID.title: title = body.string(child)
      default: break
      }
    }
  }

  private mutating func readTracks(_ body: EBMLBody) throws(EBMLError) {
    for entry in try body.children(in: 0..<body.bytes.count, depth: 2, budget: &budget)
    where entry.element.id == MatroskaID.trackEntry {
      tracks.append(try MatroskaTrack(body, entry, depth: 3, budget: &budget))
    }
  }

  private mutating func readSeekHead(_ body: EBMLBody) throws(EBMLError) {
    for seek in try body.children(in: 0..<body.bytes.count, depth: 2, budget: &budget)
    where seek.element.id == MatroskaID.seek {
      var id: UInt64?
      var position: UInt64?
      for field in try body.children(in: seek.range, depth: 3, budget: &budget) {
        if field.element.id == MatroskaID.seekID { id = body.uint(field) }
        if field.element.id == MatroskaID.seekPosition { position = body.uint(field) }
      }
      if let id, let position, id <= UInt32.max, position < UInt64(Int64.max) {
        seeks[UInt32(id)] = seeks[UInt32(id)] ?? Int64(position)
      }
    }
  }

  // MARK: - Reading

  /// The element header at `offset`.
  static func element(_ window: inout ReadAheadWindow<some ByteSource>, at offset: Int64, readAhead: Int? = nil)
    throws(EBMLError) -> EBMLElement
  {
    guard let bytes = try? window.bytes(at: offset, count: EBMLElement.maximumHeaderLength, readAhead: readAhead),
      !bytes.isEmpty
    else { throw .cut(offset: offset) }
    var reader = ByteReader(Array(bytes), base: offset)
    return try EBMLElement(&reader)
  }

  /// A known-size element's data, in memory.
  private static func body(_ window: inout ReadAheadWindow<some ByteSource>, _ element: EBMLElement)
    throws(EBMLError) -> EBMLBody
  {
    guard let size = element.size, let bytes = try? window.bytes(at: element.dataOffset, count: Int(size)),
      bytes.count == Int(size)
    else { throw .cut(offset: element.offset) }
    return EBMLBody(bytes: Array(bytes), base: element.dataOffset)
  }

  private mutating func report(_ error: EBMLError, fileSize: Int64) {
    switch error {
    case .malformed(_, let what):
      findings.append(ProbeRules.malformed.finding(
        "\(what); the file is damaged, remux it (ffmpeg -i IN -c copy OUT)", at: location))
    case .cut(let offset):
      findings.append(ProbeRules.truncated.finding(
        "the element at byte \(offset) runs past the end of the file at byte \(fileSize): it was cut short; upload it again",
        at: location))
    case .limit(_, let what):
      findings.append(ProbeRules.limitReached.finding("stopped: \(what); the file is damaged or hostile", at: location))
    }
  }
}
