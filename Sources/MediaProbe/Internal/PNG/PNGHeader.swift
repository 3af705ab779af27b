/// The PNG image header (IHDR), the 13 bytes every decoder needs before the image data.
struct PNGHeader: Equatable {
  var width: Int
  var height: Int
  var bitDepth: Int
  var colourType: Int
  var compression: Int
  var filter: Int
  var interlace: Int

  /// Reads the 13 bytes of IHDR data at `offset`, which the caller has loaded.
  init(_ window: ImageWindow<some ByteSource>, at offset: Int64) {
    width = window.u32be(offset)
    height = window.u32be(offset + 4)
    bitDepth = Int(window.u8(offset + 8))
    colourType = Int(window.u8(offset + 9))
    compression = Int(window.u8(offset + 10))
    filter = Int(window.u8(offset + 11))
    interlace = Int(window.u8(offset + 12))
  }

  /// Colour types 0 and 4 are grey, 2 and 6 truecolour, 3 a palette.
  var colourModel: String? {
    switch colourType {
    case 0, 4: "grayscale"
    case 2, 6: "rgb"
    case 3: "indexed"
    default: nil
    }
  }

  /// Colour types 4 and 6 carry an alpha sample; the others only get transparency from tRNS.
  var hasAlphaChannel: Bool { colourType == 4 || colourType == 6 }

  /// What the PNG specification (11.2.2) forbids in these values, as messages.
  var problems: [String] {
    var problems: [String] = []
    let largest = 0x7FFF_FFFF
    if !(1...largest).contains(width) || !(1...largest).contains(height) {
      problems.append("the image header gives a size of \(width)x\(height); each side must be 1 to \(largest)")
    }
    let depths: [Int: Set<Int>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
    if let allowed = depths[colourType] {
      if !allowed.contains(bitDepth) {
        problems.append("colour type \(colourType) can't have a bit depth of \(bitDepth)")
      }
    } else {
      problems.append("the image header gives colour type \(colourType); PNG knows 0, 2, 3, 4 and 6")
    }
    if compression != 0 || filter != 0 || interlace > 1 {
      problems.append(
        "the image header gives compression \(compression), filter \(filter) and interlace \(interlace); "
          + "PNG knows only 0, 0 and 0 or 1")
    }
    return problems
  }
}
