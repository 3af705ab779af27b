import Foundation
import Importer
import Testing

/// The Podcasting 2.0 elements of a feed as Python's expat parser reads them, independently of
/// Podium's reader: the channel's and each item's (by GUID), with their attributes, text,
/// children and line, so two feeds can be compared tag by tag.
struct TagView: Decodable {
  struct Tag: Decodable, CustomStringConvertible {
    /// `podcast:value`, or a child's plain RSS name (`title` in a live item).
    var tag: String
    var attrs: [String: String]
    var text: String
    var line: Int
    var children: [Tag]

    var description: String { "<\(tag) \(attrs.sorted { $0.key < $1.key }.map { "\($0)=\"\($1)\"" }.joined(separator: " "))> \(text) (line \(line))" }

    /// Lines of this element and everything in it, where a loss may be reported.
    var lines: Set<Int> { children.reduce([line]) { $0.union($1.lines) } }

    /// This element as another feed has it: the same text, every attribute this one has with
    /// the same value (a number or a date may be written differently), and each child found.
    func isKept(in other: Tag) -> Bool {
      tag == other.tag && text == other.text
        && attrs.allSatisfy { key, value in other.attrs[key].map { Self.same(value, $0) } ?? false }
        && children.allSatisfy { child in other.children.contains { child.isKept(in: $0) } }
    }

    static func same(_ old: String, _ new: String) -> Bool {
      if old == new { return true }
      if let a = Double(old), let b = Double(new) { return a == b }
      return false
    }
  }

  var channel: [Tag]
  var items: [String: [Tag]]

  static let script = #"""
    import json, sys, xml.parsers.expat
    PODCAST = {'https://podcastindex.org/namespace/1.0', 'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md'}
    parser = xml.parsers.expat.ParserCreate(namespace_separator=' ')
    root = {'children': []}
    stack = [root]
    def start(name, attrs):
        uri, _, local = name.rpartition(' ')
        tag = ('podcast:' + local) if uri in PODCAST else local if uri == '' else uri + ' ' + local
        node = {'tag': tag, 'attrs': {k: v.strip() for k, v in attrs.items() if ' ' not in k}, 'text': '',
                'line': parser.CurrentLineNumber, 'children': []}
        stack[-1]['children'].append(node)
        stack.append(node)
    def end(name):
        node = stack.pop()
        node['text'] = node['text'].strip()
    def data(text):
        stack[-1]['text'] += text
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data
    with open(sys.argv[1], 'rb') as f:
        parser.ParseFile(f)
    channel = next(c for c in root['children'][0]['children'] if c['tag'] == 'channel')
    podcast = lambda node: [c for c in node['children'] if c['tag'].startswith('podcast:')]
    items = {}
    for item in (c for c in channel['children'] if c['tag'] == 'item'):
        guid = next((c['text'] for c in item['children'] if c['tag'] == 'guid'), '')
        items[guid] = podcast(item)
    print(json.dumps({'channel': podcast(channel), 'items': items}))
    """#

  static func of(feedAt path: URL) throws -> TagView {
    try JSONDecoder().decode(TagView.self, from: ClientView.python(script, path))
  }

  /// The old feed's tags that are neither in the new feed nor named, at their line, in `losses`:
  /// what an import lost silently.
  static func lostSilently(_ old: [Tag], _ new: [Tag], losses: [ImportLoss], skipping: Set<String>) -> [Tag] {
    let reported = Set(losses.compactMap(\.line))
    return old.filter { tag in
      !skipping.contains(tag.tag) && !new.contains { tag.isKept(in: $0) } && tag.lines.isDisjoint(with: reported)
    }
  }

  /// The old feed's tags that are in the new feed as they were.
  static func kept(_ old: [Tag], _ new: [Tag]) -> [Tag] {
    old.filter { tag in new.contains { tag.isKept(in: $0) } }
  }
}
