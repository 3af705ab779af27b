import Foundation

/// What a real podcast client makes of a feed: gPodder's podcastparser (installed with pip),
/// run on the feed file, each episode by GUID. podcastparser 0.6.11 knows the podcast
/// namespace only by its GitHub alias, so the official URI is added to its table, as the
/// namespace's own documentation gives both.
struct ClientView {
  struct Episode: Decodable, Equatable, CustomStringConvertible {
    var title: String
    var guid: String
    var url: String
    var fileSize: Int64
    var mimeType: String
    var duration: Int
    var published: Int64
    /// The zone of `pubDate` as written, in seconds east of UTC.
    var zone: Int
    /// `isPermaLink`, true when left out (RSS 2.0), read from the XML: podcastparser ignores it.
    var permalink: Bool
    var season: Int?
    var number: Int?
    var type: String?
    var explicit: Bool?
    var transcriptURL: String?
    var chaptersURL: String?
    var chapters: [[String: String]]

    var description: String { "\(guid): \(title)" }
  }

  static let script = #"""
    import json, sys, email.utils, xml.etree.ElementTree as ET
    import podcastparser
    podcastparser.Namespace.NAMESPACES['https://podcastindex.org/namespace/1.0'] = 'podcast'
    path = sys.argv[1]
    with open(path, 'rb') as f:
        parsed = podcastparser.parse('file://' + path, f)
    zones = {}
    permalinks = {}
    for item in ET.parse(path).getroot().iter('item'):
        guid = item.findtext('guid') or ''
        element = item.find('guid')
        permalinks[guid.strip()] = element is not None and (element.get('isPermaLink') or 'true').lower() == 'true'
        tz = email.utils.parsedate_tz(item.findtext('pubDate') or '')
        zones[guid.strip()] = tz[9] if tz and tz[9] is not None else 0
    out = []
    for e in parsed['episodes']:
        enclosure = e['enclosures'][0] if e['enclosures'] else {'url': '', 'file_size': -1, 'mime_type': ''}
        out.append({
            'title': e['title'], 'guid': e['guid'], 'url': enclosure['url'], 'fileSize': enclosure['file_size'],
            'mimeType': enclosure['mime_type'], 'duration': e['total_time'], 'published': e['published'],
            'zone': zones.get(e['guid'], 0), 'permalink': permalinks.get(e['guid'], False), 'season': e.get('season'), 'number': e.get('number'),
            'type': e.get('type'), 'explicit': e.get('explicit'),
            'transcriptURL': e.get('transcript_url'), 'chaptersURL': e.get('chapters_json_url'),
            'chapters': [{'start': str(c['start']), 'title': c['title']} for c in e.get('chapters', [])],
        })
    print(json.dumps(out))
    """#

  /// The episodes of the feed at `path`, by GUID.
  static func episodes(ofFeedAt path: URL) throws -> [String: Episode] {
    let list = try JSONDecoder().decode([Episode].self, from: python(script, path))
    return Dictionary(list.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// What `script` prints for the file at `path`.
  static func python(_ script: String, _ path: URL) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ViewError(message: String(decoding: problem, as: UTF8.self))
    }
    return data
  }

  struct ViewError: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
  }
}
