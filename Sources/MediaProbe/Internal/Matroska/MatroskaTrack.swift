/// A TrackEntry: what one track holds, as MediaInfo's `Track`, and what timing a block of it
/// needs (to time the last block of a file whose header gives no duration).
struct MatroskaTrack {
  var track: Track
  var number: UInt64 = 0
  /// Nanoseconds per frame, when the file says.
  var defaultDuration: UInt64?
  /// Nanoseconds the decoder drops at the start (Opus pre-skip).
  var codecDelay: UInt64 = 0
  var isOpus = false

  init(_ body: EBMLBody, _ entry: EBMLBody.Child, depth: Int, budget: inout EBMLBody.Budget) throws(EBMLError) {
    track = Track(kind: .other)
    try read(body, entry, depth: depth, budget: &budget)
  }

  private mutating func read(_ body: EBMLBody, _ entry: EBMLBody.Child, depth: Int, budget: inout EBMLBody.Budget)
    throws(EBMLError)
  {
    var type: UInt64 = 0
    var codecID = ""
    var codecPrivate: ArraySlice<UInt8> = []
    var language: String?
    for child in try body.children(in: entry.range, depth: depth, budget: &budget) {
      switch child.element.id {
      case MatroskaID.trackNumber: number = body.uint(child) ?? 0
      case MatroskaID.codecDelay: codecDelay = body.uint(child) ?? 0
      case MatroskaID.trackType: type = body.uint(child) ?? 0
      case MatroskaID.codecID: codecID = body.string(child)
      case MatroskaID.codecPrivate: codecPrivate = body.data(child)
      case MatroskaID.defaultDuration:
        if let nanoseconds = body.uint(child), nanoseconds > 0 {
          defaultDuration = nanoseconds
          track.frameRate = 1e9 / Double(nanoseconds)
        }
      case MatroskaID.language: language = language ?? body.string(child)
      case MatroskaID.languageBCP47: language = body.string(child)
      case MatroskaID.video:
        for field in try body.children(in: child.range, depth: depth + 1, budget: &budget) {
          if field.element.id == MatroskaID.pixelWidth { track.width = body.uint(field).map { Int(clamping: $0) } }
          if field.element.id == MatroskaID.pixelHeight { track.height = body.uint(field).map { Int(clamping: $0) } }
        }
      case MatroskaID.audio:
        try Self.readAudio(body, child, depth: depth + 1, budget: &budget, into: &track)
      default: break
      }
    }
    track.kind = type == 1 ? .video : type == 2 ? .audio : type == 17 ? .text : .other
    if track.kind != .video { track.frameRate = nil }
    track.codec = codecID.isEmpty ? nil : MatroskaCodec.string(codecID: codecID, codecPrivate: codecPrivate)
    // Matroska's default language is English; "und" says it is unknown.
    let code = language ?? "eng"
    track.language = code == "und" || code.isEmpty ? nil : code
    isOpus = codecID == "A_OPUS"
  }

  private static func readAudio(
    _ body: EBMLBody, _ audio: EBMLBody.Child, depth: Int, budget: inout EBMLBody.Budget, into track: inout Track
  ) throws(EBMLError) {
    var rate = 8000.0
    var outputRate: Double?
    track.channels = 1
    for field in try body.children(in: audio.range, depth: depth, budget: &budget) {
      switch field.element.id {
      case MatroskaID.samplingFrequency: rate = body.float(field) ?? rate
      case MatroskaID.outputSamplingFrequency: outputRate = body.float(field)
      case MatroskaID.channels: track.channels = body.uint(field).map { Int(clamping: $0) }
      default: break
      }
    }
    // SBR audio plays at the output rate.
    let playback = outputRate ?? rate
    track.sampleRate = playback.isFinite && playback > 0 && playback < 1e7 ? Int(playback.rounded()) : nil
  }
}
