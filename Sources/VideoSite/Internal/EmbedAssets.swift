import Foundation

/// The index's style and script, from `Assets/`. The script carries the style for the web
/// component's Shadow DOM, so one file is all a host page loads.
enum EmbedAssets {
  static let css = String(decoding: PackageResources.embed_css, as: UTF8.self)

  /// `embed.js` with the style, as a JSON string literal, in place of its `/*@CSS@*/""` token.
  static func script() throws -> Data {
    let source = String(decoding: PackageResources.embed_js, as: UTF8.self)
    let literal = try JSONSerialization.data(withJSONObject: css, options: [.fragmentsAllowed, .withoutEscapingSlashes])
    return Data(source.replacingOccurrences(of: token, with: String(decoding: literal, as: UTF8.self)).utf8)
  }

  static let token = "/*@CSS@*/\"\""
}
