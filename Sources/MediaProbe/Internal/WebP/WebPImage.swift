/// What the first chunk of a WebP file says about the picture: a VP8 frame header (lossy), a
/// VP8L header (lossless) or a VP8X header (extended: canvas size and feature flags).
struct WebPImage: Equatable {
  var width: Int
  var height: Int
  var hasAlpha: Bool

  /// WebP's limit on the canvas, width times height (container specification, VP8X).
  static let maximumPixels = 0xFFFF_FFFF

  /// Larger canvases break the container's rules; VP8 and VP8L sizes can't reach the limit.
  var isOversized: Bool { width * height > Self.maximumPixels }

  /// Reads the header of the chunk whose data starts at `data`, as `type` says.
  ///
  /// - Returns: The picture, or what is wrong with the header.
  static func read(
    _ type: String, _ window: inout ImageWindow<some ByteSource>, data: Int64, size: Int
  ) throws(ProbeFailure) -> Result<WebPImage, ImageProblem> {
    let needed = ["VP8 ": 10, "VP8L": 5, "VP8X": 10][type] ?? 0
    guard size >= needed, try window.load(data, count: needed) else {
      return .failure(.malformed("the \(type) chunk at byte \(data - 8) is \(size) bytes, too short for its header"))
    }
    return switch type {
    case "VP8 ": lossy(window, data)
    case "VP8L": lossless(window, data)
    default: extended(window, data)
    }
  }

  /// VP8 (RFC 6386, 9.1): a 3-byte frame tag, the start code 9D 01 2A, then 14-bit sizes each
  /// with a 2-bit upscaling factor, which doesn't change the stored size.
  private static func lossy(_ window: ImageWindow<some ByteSource>, _ data: Int64) -> Result<WebPImage, ImageProblem> {
    guard window.u8(data) & 0x01 == 0 else {
      return .failure(.malformed("the VP8 frame at byte \(data) is not a key frame; a still image must be one"))
    }
    guard window.matches([0x9D, 0x01, 0x2A], at: data + 3) else {
      return .failure(.malformed("the VP8 frame at byte \(data) lacks the start code 9D 01 2A"))
    }
    let image = WebPImage(
      width: window.u16le(data + 6) & 0x3FFF, height: window.u16le(data + 8) & 0x3FFF, hasAlpha: false)
    guard image.width > 0, image.height > 0 else {
      return .failure(.malformed("the VP8 frame at byte \(data) gives a size of \(image.width)x\(image.height)"))
    }
    return .success(image)
  }

  /// VP8L: the signature 2F, then 14-bit width-1 and height-1, an alpha hint and a 3-bit version 0.
  private static func lossless(
    _ window: ImageWindow<some ByteSource>, _ data: Int64
  ) -> Result<WebPImage, ImageProblem> {
    guard window.u8(data) == 0x2F else {
      return .failure(.malformed("the VP8L data at byte \(data) lacks the signature 2F"))
    }
    let bits = window.u32le(data + 1)
    guard bits >> 29 == 0 else {
      return .failure(.malformed("the VP8L header at byte \(data) has version \(bits >> 29); only 0 exists"))
    }
    return .success(
      WebPImage(
        width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1, hasAlpha: (bits >> 28) & 1 == 1))
  }

  /// VP8X: flags (alpha 0x10), three reserved bytes, then the canvas's 24-bit width-1 and height-1.
  private static func extended(
    _ window: ImageWindow<some ByteSource>, _ data: Int64
  ) -> Result<WebPImage, ImageProblem> {
    let hasAlpha = window.u8(data) & 0x10 != 0
    let (width, height) = (window.u24le(data + 4) + 1, window.u24le(data + 7) + 1)
    return .success(WebPImage(width: width, height: height, hasAlpha: hasAlpha))
  }
}
