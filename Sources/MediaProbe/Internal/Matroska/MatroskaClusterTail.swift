/// The media's end, from the last cluster in a bounded tail of the file: for files whose header
/// gives no duration (live and MediaRecorder recordings) and for files cut short, whose header
/// promises more than they hold. Only whole blocks count.
struct MatroskaClusterTail {
  /// The tail lengths tried; the second holds a long video cluster.
  static let tailLengths = [64 * 1024, 1024 * 1024]

  let tracks: [MatroskaTrack]
  let timestampScale: UInt64

  /// The end in nanoseconds of the last whole block in `tail`, the file's last bytes.
  func lastEnd(_ tail: [UInt8]) -> UInt64? {
    var index = tail.count - 4
    while index >= 0 {
      defer { index -= 1 }
      if tail[index] == 0x1F, tail[index + 1] == 0x43, tail[index + 2] == 0xB6, tail[index + 3] == 0x75,
        let end = walk(tail, at: index, first: false)
      {
        return end
      }
    }
    return nil
  }

  /// The start in nanoseconds of the first block of the cluster that `bytes` start with.
  func firstStart(_ bytes: [UInt8]) -> UInt64? {
    walk(bytes, at: 0, first: true)
  }

  /// Walks the cluster at `index`: its timestamp, then its blocks, until the bytes end or an
  /// element that is no cluster child. Returns the first block's start or the last block's end.
  private func walk(_ bytes: [UInt8], at index: Int, first: Bool) -> UInt64? {
    var reader = ByteReader(bytes)
    guard (try? reader.seek(to: index)) != nil, let cluster = try? EBMLElement(&reader), cluster.id == MatroskaID.cluster
    else { return nil }
    let limit = cluster.size.map { min(reader.position + Int(clamping: $0), bytes.count) } ?? bytes.count
    var clusterTime: UInt64?
    var latest: UInt64?
    while reader.position < limit, let element = try? EBMLElement(&reader), let size = element.size,
      MatroskaID.clusterChildren.contains(element.id), Int64(reader.remaining) >= size
    {
      let data = bytes[reader.position..<reader.position + Int(size)]
      try? reader.skip(Int(size))
      if element.id == MatroskaID.clusterTimestamp {
        clusterTime = data.reduce(0) { $0 << 8 | UInt64($1) }
      } else if element.id == MatroskaID.simpleBlock || element.id == MatroskaID.blockGroup, let clusterTime,
        let time = blockTime(element.id, data, clusterTime: clusterTime, start: first)
      {
        if first { return time }
        latest = max(latest ?? 0, time)
      }
    }
    return latest
  }

  /// A block's start, or the end of what it plays: its duration less any padding the encoder
  /// asks to discard, less the track's codec delay (Opus pre-skip), as decoders count.
  private func blockTime(_ id: UInt32, _ data: ArraySlice<UInt8>, clusterTime: UInt64, start: Bool) -> UInt64? {
    var block = MatroskaBlockParts(block: data)
    if id == MatroskaID.blockGroup {
      guard let parts = MatroskaBlockParts(group: data) else { return nil }
      block = parts
    }
    guard let header = MatroskaBlockTiming.header(block.block), clusterTime < UInt64(Int64.max / 2) else { return nil }
    let ticks = Int64(clusterTime) + header.relative
    guard ticks >= 0 else { return nil }
    let (blockStart, overflow) = UInt64(ticks).multipliedReportingOverflow(by: timestampScale)
    guard !overflow else { return nil }
    if start { return blockStart }
    let track = tracks.first { $0.number == header.track }
    let opus = track?.isOpus == true && header.lacing == 0 ? MatroskaBlockTiming.opusDuration(header.frame) : nil
    let duration = block.ticks.map { $0 &* timestampScale } ?? track?.defaultDuration ?? opus ?? 0
    let (end, overflowed) = blockStart.addingReportingOverflow(duration)
    guard !overflowed else { return nil }
    let trim = UInt64(max(0, block.discardPadding)).addingReportingOverflow(track?.codecDelay ?? 0)
    return trim.overflow || trim.partialValue > end ? 0 : end - trim.partialValue
  }
}
