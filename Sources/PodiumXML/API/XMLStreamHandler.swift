/// Receives a document from `XMLStreamReader` in pieces, so that a large document is never held
/// whole: the handler picks the elements to stream (the root of a feed, its `<channel>`), and gets
/// each of their children as one complete element, in document order, to check and drop.
public protocol XMLStreamHandler: AnyObject {
  /// An element starts whose parent is streamed (or that is the root, at depth 0).
  ///
  /// - Parameters:
  ///   - element: its name, attributes, namespace declarations and line, without children or text.
  ///   - depth: 0 for the root, 1 for its children, and so on.
  /// - Returns: `true` to stream it (its children come one by one through `child`, its own text is
  ///   dropped, and `end` follows); `false` to have it built whole and handed to `child`.
  func shouldStream(_ element: XMLElement, depth: Int) -> Bool

  /// A complete element whose parent is streamed (or the root, when it is not streamed).
  func child(_ element: XMLElement, depth: Int)

  /// A streamed element ended.
  func end(depth: Int)
}
