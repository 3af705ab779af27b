/// A place where truncated output may end: the byte offset and the elements open there,
/// whose end tags follow the ellipsis.
struct HTMLCut {
  var position: Int
  var open: [HTMLTag]

  static let start = HTMLCut(position: 0, open: [])
}
