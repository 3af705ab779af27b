/// An audio sample entry: its fixed fields, then what its child boxes (`esds`, `dOps`, `dfLa`,
/// `alac`, `dac3`, `dec3`) add.
struct MP4AudioEntry {
  static let formats: Set<MP4FourCC> = [
    .mp4a, .mp3, .ac3, .eac3, .ac4, .opus, .flac, .alac, .enca, MP4FourCC("lpcm"), MP4FourCC("sowt"), MP4FourCC("twos"),
    MP4FourCC("ipcm"), MP4FourCC("fpcm"), MP4FourCC("samr"), MP4FourCC("sawb"), MP4FourCC("ulaw"), MP4FourCC("alaw"),
  ]
  /// Channels for each AC-3 `acmod`, without the LFE channel.
  private static let ac3Channels = [2, 1, 2, 3, 3, 4, 4, 5]

  let format: MP4FourCC
  /// Where the child boxes start, from the payload: later for QuickTime's version 1 and 2.
  let childOffset: Int
  private var sampleRate: Int?
  private var channels: Int?
  private var stream: MP4ElementaryStream?
  /// Exact values from the codec's own configuration.
  private var configRate: Int?
  private var configChannels: Int?
  private var original: MP4FourCC?

  init(format: MP4FourCC, _ reader: inout ByteReader, quickTime: Bool) throws(ProbeFailure) {
    self.format = format
    try reader.skip(8)
    let version = try reader.u16be()
    try reader.skip(6)
    var channels = Int(try reader.u16be())
    try reader.skip(6)
    var rate = Double(try reader.u32be() >> 16)
    var childOffset = 28
    if quickTime, version == 1 { childOffset = 44 }
    if quickTime, version == 2 {
      try reader.skip(4)
      rate = Double(bitPattern: try reader.u64be())
      channels = Int(try reader.u32be())
      childOffset = 64
    }
    self.childOffset = childOffset
    self.sampleRate = rate.isFinite && rate >= 1 && rate < 10_000_000 ? Int(rate) : nil
    self.channels = channels > 0 ? channels : nil
  }

  mutating func read<Source: ByteSource>(_ box: MP4Box, walker: MP4Walker<Source>) throws(ProbeFailure) {
    switch box.type {
    case .esds: stream = try walker.parse(box, skipping: 4, limit: 4096, MP4ElementaryStream.parse) ?? nil
    case .dOps: configChannels = try walker.field(box, at: 1, bytes: 1).map { Int($0) }
    case .dfLa:
      // Full box header, metadata block header, then STREAMINFO: rate (20 bits), channels - 1 (3).
      guard let fields = try walker.field(box, at: 18, bytes: 8) else { return }
      configRate = Int(fields >> 44)
      configChannels = Int(fields >> 41 & 7) + 1
    case .alac:
      // Full box header, then ALACSpecificConfig: channels at 9, sample rate at 20.
      let count = try walker.field(box, at: 13, bytes: 1)
      let rate = try walker.field(box, at: 24, bytes: 4)
      configChannels = count.flatMap { $0 > 0 ? Int($0) : nil }
      configRate = rate.flatMap { $0 > 0 ? Int($0) : nil }
    case .dac3: configChannels = try ac3Channels(box, walker: walker, skipping: 0, lfeBit: 10)
    case .dec3: configChannels = try ac3Channels(box, walker: walker, skipping: 2, lfeBit: 8)
    case .sinf: original = try MP4OriginalFormat.read(box, walker: walker, depth: 8)
    default: break
    }
  }

  /// Channels from the `acmod` and `lfeon` fields of `dac3` or of `dec3`'s first substream,
  /// which sit side by side; `lfeBit` is where `lfeon` falls in the 24 bits read.
  private func ac3Channels<Source: ByteSource>(
    _ box: MP4Box, walker: MP4Walker<Source>, skipping: Int, lfeBit: Int
  ) throws(ProbeFailure) -> Int? {
    guard let fields = try walker.field(box, at: skipping, bytes: 3) else { return nil }
    let bits = fields >> lfeBit
    return Self.ac3Channels[Int(bits >> 1 & 7)] + Int(bits & 1)
  }

  var result: MP4SampleEntry {
    var entry = MP4SampleEntry(format: original ?? format)
    entry.sampleRate = configRate ?? sampleRate
    entry.channels = configChannels ?? channels
    switch entry.format {
    case .mp4a:
      entry.codec = stream?.audioCodec ?? "mp4a"
      entry.isMPEGAudio = [0x69, 0x6B].contains(stream?.objectType)
      // ISO's template values (2 channels) make the entry's fields unreliable for AAC: the
      // AudioSpecificConfig, with SBR's doubled rate and PS's stereo, is what a decoder outputs.
      if let config = stream?.audioConfig {
        entry.sampleRate = config.sampleRate ?? entry.sampleRate
        entry.channels = config.channels ?? entry.channels
      }
    case .mp3:
      entry.codec = "mp4a.6B"
      entry.isMPEGAudio = true
    case .opus: entry.codec = "opus"
    default: entry.codec = entry.format.codecName
    }
    return entry
  }
}

extension MP4FourCC {
  static let mp4a = MP4FourCC("mp4a"), mp3 = MP4FourCC(".mp3"), ac3 = MP4FourCC("ac-3"), eac3 = MP4FourCC("ec-3")
  static let ac4 = MP4FourCC("ac-4"), opus = MP4FourCC("Opus"), flac = MP4FourCC("fLaC"), alac = MP4FourCC("alac")
  static let enca = MP4FourCC("enca"), dOps = MP4FourCC("dOps"), dfLa = MP4FourCC("dfLa"), dac3 = MP4FourCC("dac3")
  static let dec3 = MP4FourCC("dec3")
}
