/// One box's header, checked against its parent: where the box starts and ends, and how long
/// its header is.
struct MP4Box {
  let type: MP4FourCC
  let start: Int64
  let headerSize: Int
  /// Where the box ends, cut to its parent or the file when it claimed more.
  let end: Int64
  /// The box claimed more bytes than its parent or the file holds: it was cut short.
  let isCut: Bool
  /// The size field was 0: the box runs to the end of the file.
  var isOpenEnded = false

  var payloadStart: Int64 { start + Int64(headerSize) }
  var payloadSize: Int64 { end - payloadStart }
  var size: Int64 { end - start }
  /// `'moov' box at byte 32`, for messages.
  var name: String { "'\(type)' box at byte \(start)" }
}
