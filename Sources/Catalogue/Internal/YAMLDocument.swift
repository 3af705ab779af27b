/// One YAML document as a compact tree: every node in one array, in document order, and every
/// scalar's text in one byte buffer. Built from libyaml's events (``YAMLEventReader``) instead of
/// a tree of objects, so a front matter costs a few allocations, not one or more per value; the
/// readers turn into `String` only the values they ask for.
///
/// A container's children follow it; its `end` is the index after its last descendant, so a
/// reader steps over a child container without looking inside. A mapping's children are its
/// keys and values, alternating.
final class YAMLDocument {
  enum Kind: UInt8 {
    case scalar, mapping, sequence
  }

  struct Node {
    let kind: Kind
    /// A plain (unquoted, not block) scalar: only those can mean null.
    let isPlain: Bool
    /// The file line where the node starts.
    let line: Int32
    /// Scalar: where its text starts in `text`. Container: the index after its last descendant.
    var first: Int32
    /// Scalar: its text's length in bytes. Container: how many children it has.
    var second: Int32
  }

  let nodes: [Node]
  let text: [UInt8]

  init(nodes: [Node], text: [UInt8]) {
    self.nodes = nodes
    self.text = text
  }

  /// The root node.
  static let root = 0

  func kind(_ index: Int) -> Kind { nodes[index].kind }

  func line(_ index: Int) -> Int { Int(nodes[index].line) }

  /// The node after this one and its descendants: its next sibling, if it has one.
  func next(after index: Int) -> Int {
    let node = nodes[index]
    return node.kind == .scalar ? index + 1 : Int(node.first)
  }

  /// How many children a container has (keys and values both, for a mapping).
  func childCount(_ index: Int) -> Int { nodes[index].kind == .scalar ? 0 : Int(nodes[index].second) }

  /// A scalar's text.
  func string(_ index: Int) -> String {
    let node = nodes[index]
    return text.withUnsafeBufferPointer { all in
      String(decoding: all[Int(node.first)..<Int(node.first) + Int(node.second)], as: UTF8.self)
    }
  }

  /// Whether a scalar's text is exactly `wanted`, compared as bytes, with nothing allocated.
  func scalar(_ index: Int, equals wanted: String) -> Bool {
    let node = nodes[index]
    guard node.kind == .scalar else { return false }
    let count = Int(node.second)
    guard wanted.utf8.count == count else { return false }
    return text.withUnsafeBufferPointer { all in
      let bytes = UnsafeBufferPointer(rebasing: all[Int(node.first)..<Int(node.first) + count])
      return wanted.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? wanted.utf8.elementsEqual(bytes)
    }
  }

  /// The bytes of a scalar, for a caller that records them without making a string.
  func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let node = nodes[index]
    return text.withUnsafeBufferPointer { all in
      body(UnsafeBufferPointer(rebasing: all[Int(node.first)..<Int(node.first) + Int(node.second)]))
    }
  }

  /// A plain empty, `~` or `null` scalar: a key with this value counts as absent.
  func isNull(_ index: Int) -> Bool {
    let node = nodes[index]
    guard node.kind == .scalar, node.isPlain else { return false }
    switch node.second {
    case 0: return true
    case 1: return scalar(index, equals: "~")
    case 4: return scalar(index, equals: "null") || scalar(index, equals: "Null") || scalar(index, equals: "NULL")
    default: return false
    }
  }

  /// The texts that `isNull` reads as null when plain (YAML 1.2's core schema), for `YAMLEmitter`
  /// to quote; CatalogueTextTests writes each through `podium init` and reads it back.
  static let nullTexts: Set<String> = ["", "~", "null", "Null", "NULL"]
}
