internal import CLibXML2

/// Receives a fragment's elements and text in document order, exactly as libxml2's HTML
/// parser builds its tree (implied and auto-closed elements included): a depth-first walk
/// of that tree, without the cost of building it. Every `enter` that returns true is
/// matched by one `leave`.
protocol HTMLTreeVisitor {
  /// Called for each element; returns whether to visit its content. When it returns false,
  /// the element's content and end are skipped and no `leave` follows.
  mutating func enter(element name: UnsafePointer<UInt8>, attributes: HTMLAttributeList) -> Bool
  mutating func leave()
  /// Called with a run of text, entities decoded, in UTF-8 split only between characters.
  mutating func text(_ text: UnsafeBufferPointer<UInt8>)
  /// Once true, parsing stops.
  var isFinished: Bool { get }
  /// libxml2's callbacks for this visitor, made with ``HTMLParseState/callbacks(start:end:characters:)``.
  /// C calls no generic code, so each visitor type names its own state type in them.
  static var callbacks: htmlSAXHandler { get }
}
