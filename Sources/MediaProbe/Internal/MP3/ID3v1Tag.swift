/// The ID3v1 tag: the last 128 bytes of the file, "TAG" then fixed-width, null- or space-padded
/// fields. Read only for what the ID3v2 tag leaves out.
enum ID3v1Tag {
  static let length: Int64 = 128
  /// An "enhanced" TAG+ block of 227 bytes may sit just before it.
  static let enhancedLength: Int64 = 227

  static func isTag(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.count >= 3 && bytes.prefix(3).elementsEqual("TAG".utf8)
  }

  /// Title, artist, album, year and comment from the 128 bytes of a tag.
  static func fields(_ bytes: ArraySlice<UInt8>) -> [String: String] {
    guard bytes.count == Int(length) else { return [:] }
    let start = bytes.startIndex
    // ID3v1.1 keeps the last two bytes of the comment for a zero and a track number.
    let commentWidth = bytes[start + 125] == 0 && bytes[start + 126] != 0 ? 28 : 30
    let layout: [(String, Int, Int)] = [
      ("title", 3, 30), ("artist", 33, 30), ("album", 63, 30), ("date", 93, 4), ("comment", 97, commentWidth),
    ]
    var fields: [String: String] = [:]
    for (key, offset, width) in layout {
      var field = bytes[(start + offset)..<(start + offset + width)]
      if let end = field.firstIndex(of: 0) { field = field[..<end] }
      let value = ID3Text.trimmed(ID3Text.utf8OrLatin1(field))
      if !value.isEmpty { fields[key] = value }
    }
    return fields
  }
}
