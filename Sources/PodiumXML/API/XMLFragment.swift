import Foundation

/// Elements written by a separate ``XMLWriter`` for a place inside another one
/// (``XMLWriter/fragment(inside:indent:_:)``). Only a writer makes one, so the bytes a writer
/// appends are always libxml2's.
public struct XMLFragment: Sendable {
  let bytes: Data
  let ancestors: [String]
  let indent: Bool
}
