import Diagnostics

/// The chunks of a RIFF, RIFX, RF64 or BW64 WAVE file, walked by their sizes. Only the small
/// chunks are read; `data` is stepped over, and its size is checked against the file.
struct WAVChunks {
  static let maximumChunks = 10_000
  static let listReadCap = 64 * 1024
  static let placeholder: Int64 = 0xFFFF_FFFF

  let bigEndian: Bool
  let isRF64: Bool
  /// The size in the RIFF header (or ds64), which should be the file size less 8.
  var riffSize: Int64
  var format: WAVFormat?
  var dataOffset: Int64?
  /// What the `data` header claims, and what the file holds of it.
  var dataClaimed: Int64 = 0
  var dataPresent: Int64 = 0
  /// From `fact` (compressed formats) or ds64.
  var sampleCount: Int64?
  var tags: [String: String] = [:]
  var findings: [Finding] = []
  /// A truncation, placeholder or junk at the end was reported, so the RIFF size is not checked.
  var endReported = false
  private var ds64Data: Int64?

  init(_ window: inout ReadAheadWindow<some ByteSource>, start: Int64, location: SourceLocation) throws(ProbeFailure) {
    var header = try window.reader(at: start, count: 12)
    let magic = try header.fourCC()
    bigEndian = magic == "RIFX"
    isRF64 = magic == "RF64" || magic == "BW64"
    riffSize = Int64(try RIFFEndian.u32(&header, bigEndian))
    try walk(&window, from: start + 12, location: location)
  }

  private mutating func walk(_ window: inout ReadAheadWindow<some ByteSource>, from start: Int64, location: SourceLocation)
    throws(ProbeFailure)
  {
    let size = window.fileSize
    var offset = start
    var previousWasOdd = false
    for _ in 0..<Self.maximumChunks {
      guard size - offset >= 8 else {
        if size - offset > 1 {
          endReported = true
          findings.append(ProbeRules.garbage.finding(
            "\(size - offset) bytes at byte \(offset) are too few for a chunk; remove them", at: location))
        }
        return
      }
      // A pad byte after an odd-sized chunk should be 0; some writers leave it out, and then the
      // byte where it should be starts the next chunk's id.
      if previousWasOdd, let unpadded = try? window.reader(at: offset - 1, count: 8),
        unpadded.peek(1).first != 0, Self.isChunkID(unpadded.peek(4))
      {
        offset -= 1
      }
      var header = try window.reader(at: offset, count: 8)
      guard Self.isChunkID(header.peek(4)) else {
        noChunk(at: offset, size: size, location: location)
        return
      }
      let id = try header.fourCC()
      var length = Int64(try RIFFEndian.u32(&header, bigEndian))
      if id == "data", length == Self.placeholder, let ds64Data { length = ds64Data }
      let body = offset + 8
      try read(id, at: body, length: length, &window)
      guard body + length <= size else {
        cutShort(id, at: offset, length: length, size: size, location: location)
        return
      }
      previousWasOdd = length & 1 == 1
      offset = body + length + (length & 1)
      if offset >= size { return }
    }
    findings.append(ProbeRules.limitReached.finding(
      "stopped after \(Self.maximumChunks) chunks at byte \(offset); the file is damaged", at: location))
  }

  private mutating func read(
    _ id: String, at offset: Int64, length: Int64, _ window: inout ReadAheadWindow<some ByteSource>
  ) throws(ProbeFailure) {
    let size = window.fileSize
    switch id {
    case "ds64" where isRF64:
      guard var reader = try? window.reader(at: offset, count: 24) else { return }
      // Sizes past 2^62 are hostile; keeping them out keeps offset arithmetic from overflowing.
      let sane = { (value: UInt64) -> Int64? in value < 1 << 62 ? Int64(value) : nil }
      riffSize = sane(try RIFFEndian.u64(&reader, bigEndian)) ?? riffSize
      ds64Data = sane(try RIFFEndian.u64(&reader, bigEndian))
      if let samples = sane(try RIFFEndian.u64(&reader, bigEndian)), samples > 0 { sampleCount = samples }
    case "fmt ":
      guard length >= 14, var reader = try? window.reader(at: offset, count: Int(min(length, 40))) else { return }
      format = try WAVFormat(&reader, bigEndian: bigEndian)
    case "data":
      dataOffset = offset
      dataClaimed = length
      dataPresent = max(0, min(length, size - offset))
    case "fact":
      guard length >= 4, sampleCount == nil, var reader = try? window.reader(at: offset, count: 4) else { return }
      sampleCount = Int64(try RIFFEndian.u32(&reader, bigEndian))
    case "LIST":
      guard length >= 4, offset + length <= size,
        var reader = try? window.reader(at: offset, count: Int(min(length, Int64(Self.listReadCap)))),
        try reader.fourCC() == "INFO"
      else { return }
      RIFFInfoList.read(&reader, bigEndian: bigEndian, into: &tags)
    default:
      break
    }
  }

  /// A chunk runs past the end of the file: `data` is cut short (or has a streaming placeholder
  /// size); any other chunk means the file is.
  private mutating func cutShort(_ id: String, at offset: Int64, length: Int64, size: Int64, location: SourceLocation) {
    endReported = true
    if id == "data", length == Self.placeholder {
      findings.append(ProbeRules.headerDisagrees.finding(
        "the data chunk (byte \(offset)) has the placeholder size \(length) a streaming encoder writes; the duration counts the \(dataPresent) bytes present; rewrite the header (ffmpeg -i IN -c copy OUT.wav)",
        at: location))
    } else if id == "data" {
      findings.append(ProbeRules.truncated.finding(
        "the data chunk (byte \(offset)) claims \(length) bytes but the file holds \(dataPresent) of them: it was cut short; the duration counts what is there; upload it again",
        at: location))
    } else {
      findings.append(ProbeRules.truncated.finding(
        "the '\(id)' chunk at byte \(offset) claims \(length) bytes but the file ends at byte \(size): it was cut short or the chunk is damaged",
        at: location))
    }
  }

  /// Bytes that are no chunk header: after the audio they are junk; a `data` chunk of size 0 with
  /// samples after it is a streaming placeholder.
  private mutating func noChunk(at offset: Int64, size: Int64, location: SourceLocation) {
    if let dataOffset, dataClaimed == 0, offset == dataOffset {
      dataPresent = size - dataOffset
      endReported = true
      findings.append(ProbeRules.headerDisagrees.finding(
        "the data chunk (byte \(dataOffset - 8)) has the placeholder size 0 a streaming encoder writes; the duration counts the \(dataPresent) bytes after it; rewrite the header (ffmpeg -i IN -c copy OUT.wav)",
        at: location))
    } else if dataOffset != nil {
      endReported = true
      findings.append(ProbeRules.garbage.finding(
        "\(size - offset) bytes from byte \(offset) are not a chunk; remove them", at: location))
    } else {
      findings.append(ProbeRules.malformed.finding(
        "expected a chunk header at byte \(offset) but found other bytes; the file is damaged, re-encode it",
        at: location))
    }
  }

  /// Four printable ASCII characters, as every chunk id is.
  private static func isChunkID(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.count == 4 && bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
  }
}
