/// PNG chunk types as big-endian numbers, so a walk compares them without making strings.
enum PNGChunkType {
  static let header = 0x4948_4452  // IHDR
  static let palette = 0x504C_5445  // PLTE
  static let transparency = 0x7452_4E53  // tRNS
  static let data = 0x4944_4154  // IDAT
  static let end = 0x4945_4E44  // IEND
}
