internal import CLibXML2

/// The parse in progress: the visitor, and how deep the parser is inside an element the
/// visitor declined (libxml2 still reports that element's content).
///
/// libxml2 reaches it through the parser context's `_private` pointer, which points at a
/// local variable for the length of the parse: no reference counting, no class.
struct HTMLParseState<Visitor: HTMLTreeVisitor> {
  var visitor: Visitor
  private var skipping = 0

  init(visitor: Visitor) {
    self.visitor = visitor
  }

  /// Attribute names and values, as ``HTMLAttributeList`` reads them.
  typealias Pairs = UnsafeMutablePointer<UnsafePointer<UInt8>?>
  typealias Start = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Pairs?) -> Void
  typealias End = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?) -> Void
  typealias Characters = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int32) -> Void

  /// Only elements and text; comments, processing instructions and the doctype are
  /// dropped, and no document is built.
  static func callbacks(start: Start, end: End, characters: Characters) -> htmlSAXHandler {
    var handler = htmlSAXHandler()
    handler.startElement = start
    handler.endElement = end
    handler.characters = characters
    handler.ignorableWhitespace = characters
    handler.cdataBlock = characters
    return handler
  }

  static func start(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<UInt8>?, _ attributes: Pairs?) {
    guard let name else { return }
    withState(context) { state in
      if state.skipping > 0 {
        state.skipping += 1
      } else if !state.visitor.enter(element: name, attributes: HTMLAttributeList(attributes)) {
        state.skipping = 1
      }
    }
  }

  static func end(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<UInt8>?) {
    withState(context) { state in
      if state.skipping > 0 { state.skipping -= 1 } else { state.visitor.leave() }
    }
  }

  static func characters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<UInt8>?, _ length: Int32) {
    withState(context) { state in
      guard state.skipping == 0 else { return }
      state.visitor.text(UnsafeBufferPointer(start: characters, count: Int(max(length, 0))))
    }
  }

  /// Runs `body` on the state behind the parser context, then stops the parser if the
  /// visitor has seen enough.
  private static func withState(_ context: UnsafeMutableRawPointer?, _ body: (inout HTMLParseState) -> Void) {
    guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
      let state = parser.pointee._private?.assumingMemoryBound(to: HTMLParseState.self)
    else { return }
    body(&state.pointee)
    if state.pointee.visitor.isFinished { xmlStopParser(parser) }
  }
}
