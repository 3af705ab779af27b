import Diagnostics

/// The metadata blocks between `fLaC` and the first frame (RFC 9639 §8): STREAMINFO, tags and
/// pictures, read block by block up to the one flagged last, each length checked against the file.
struct FLACMetadata {
  /// A file has a handful of blocks; thousands mean a hostile file.
  static let maximumBlocks = 4096
  /// The most of a comment or picture block read: tags and picture headers fit easily.
  static let blockReadCap = 256 * 1024

  var streamInfo: FLACStreamInfo?
  var tags: [String: String] = [:]
  var artwork: [EmbeddedArtwork] = []
  /// Where the frames start; nil when the metadata is cut short or damaged.
  var audioStart: Int64?
  var findings: [Finding] = []

  init(_ window: inout ReadAheadWindow<some ByteSource>, start: Int64, location: SourceLocation) throws(ProbeFailure) {
    var offset = start + 4
    let size = window.fileSize
    for index in 0..<Self.maximumBlocks {
      guard var header = try? window.reader(at: offset, count: 4) else {
        findings.append(ProbeRules.truncated.finding(
          "the file ends at byte \(size), inside the metadata block header at byte \(offset): it was cut short; upload it again",
          at: location))
        return
      }
      let flags = try header.u8()
      let type = flags & 0x7F
      let length = Int(try header.u24be())
      let body = offset + 4
      guard body + Int64(length) <= size else {
        findings.append(ProbeRules.truncated.finding(
          "the \(Self.name(type)) metadata block at byte \(offset) claims \(length) bytes but the file ends at byte \(size): it was cut short or the block is damaged; upload it again",
          at: location))
        return
      }
      guard index > 0 || type == 0 else {
        findings.append(ProbeRules.malformed.finding(
          "the first metadata block (byte \(offset)) is \(Self.name(type)), not STREAMINFO; re-encode the file",
          at: location))
        return
      }
      guard type != 127 else {
        findings.append(ProbeRules.malformed.finding(
          "the metadata block at byte \(offset) has the invalid type 127; re-encode the file", at: location))
        return
      }
      guard try readBlock(type: type, at: body, length: length, &window, location: location) else { return }
      offset = body + Int64(length)
      if flags & 0x80 != 0 {
        audioStart = offset
        return
      }
    }
    findings.append(ProbeRules.limitReached.finding(
      "stopped after \(Self.maximumBlocks) metadata blocks without finding the last one (byte \(offset)); the file is damaged",
      at: location))
  }

  /// Reads one block; false when the metadata is too damaged to go on.
  private mutating func readBlock(
    type: UInt8, at offset: Int64, length: Int, _ window: inout ReadAheadWindow<some ByteSource>,
    location: SourceLocation
  ) throws(ProbeFailure) -> Bool {
    switch type {
    case 0:
      guard streamInfo == nil, length >= FLACStreamInfo.length,
        var reader = try? window.reader(at: offset, count: FLACStreamInfo.length)
      else {
        findings.append(ProbeRules.malformed.finding(
          streamInfo == nil
            ? "the STREAMINFO block at byte \(offset - 4) has \(length) bytes, fewer than 34; re-encode the file"
            : "a second STREAMINFO block at byte \(offset - 4); re-encode the file",
          at: location))
        return false
      }
      streamInfo = try FLACStreamInfo(&reader)
    case 4:
      var reader = try window.reader(at: offset, count: min(length, Self.blockReadCap))
      do throws(ProbeFailure) {
        try VorbisComment.read(&reader, into: &tags, artwork: &artwork)
      } catch {
        guard length <= Self.blockReadCap else { return true }
        findings.append(ProbeRules.malformed.finding(
          "the VORBIS_COMMENT block at byte \(offset - 4) has a length that points past its end; fix the tags with metaflac",
          at: location))
      }
    case 6:
      readPicture(at: offset, length: length, &window, location: location)
    default:
      break
    }
    return true
  }

  /// Reads the picture's header, not its data: the first 4 KB hold it unless the MIME type or
  /// description is unusually long.
  private mutating func readPicture(
    at offset: Int64, length: Int, _ window: inout ReadAheadWindow<some ByteSource>, location: SourceLocation
  ) {
    for prefix in [min(length, 4096), min(length, Self.blockReadCap)] {
      guard var reader = try? window.reader(at: offset, count: prefix, readAhead: prefix),
        let (picture, dataOffset) = try? FLACPicture.artwork(&reader)
      else { continue }
      if dataOffset + Int64(picture.size) <= offset + Int64(length) {
        artwork.append(picture)
        return
      }
      break
    }
    findings.append(ProbeRules.malformed.finding(
      "the PICTURE block at byte \(offset - 4) has lengths that point past its \(length) bytes; remove and re-add the cover art",
      at: location))
  }

  private static func name(_ type: UInt8) -> String {
    switch type {
    case 0: "STREAMINFO"
    case 1: "PADDING"
    case 2: "APPLICATION"
    case 3: "SEEKTABLE"
    case 4: "VORBIS_COMMENT"
    case 5: "CUESHEET"
    case 6: "PICTURE"
    default: "type \(type)"
    }
  }
}
