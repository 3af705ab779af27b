internal import CCmarkGFM

/// The GitHub extensions Podium uses. cmark-gfm registers its core extensions in a global
/// list without locking, so registration happens once, in a lazy global, before any parse.
struct GFMExtensions: @unchecked Sendable {
  // @unchecked: the pointers refer to extension descriptions that are never changed after
  // registration; parsers only read them.
  let attached: [OpaquePointer]

  static let shared: GFMExtensions = {
    cmark_gfm_core_extensions_ensure_registered()
    let names = ["table", "strikethrough", "autolink"]
    return GFMExtensions(attached: names.compactMap { cmark_find_syntax_extension($0) })
  }()
}
