import Foundation
import Catalogue
import Diagnostics
import Identifiers

/// Compares what this build would publish with what was published before, and works out the
/// record to keep. Protected changes are errors unless the producer allowed them; allowed ones
/// are still reported, as warnings, so they show in the log. What was published from a file or
/// folder that is there but failed to load is held back, not removed: the load's own findings
/// are the error, and the record keeps it.
struct RecordCheck {
  let catalogue: Catalogue
  /// The last record, read into what the check needs (``RecordIndex``).
  let previous: RecordIndex
  let options: BuildOptions
  var gaps = LoadGaps()

  struct Outcome {
    var findings: [Finding] = []
    /// The record to write, made as it is written.
    var record = RecordDraft()
    /// The files whose errors hold a published episode or show back: they stay errors whatever
    /// the rule settings say, or the episode would leave the feed without a word.
    var heldBack: Set<String> = []
    /// Whether the record made says exactly what the last one said (when asked).
    var unchanged = false
  }

  /// - Parameter comparing: whether to find out if the record made is the last one (``Outcome/unchanged``).
  func run(comparing: Bool = false) -> Outcome {
    var outcome = Outcome()
    // Positions, not copies: copying 10,000 episodes into two dictionaries cost more than the check.
    // Needed only to check what was published before.
    let anyPublished = previous.shows.values.contains { !$0.episodes.isEmpty }
    let byGUID = Lookup(anyPublished ? catalogue : nil, .guid)
    let byFile = Lookup(anyPublished ? catalogue : nil, .file)
    for (position, show) in catalogue.shows.enumerated() {
      let old = previous.shows[show.slug]
      var record = RecordDraft.Merged(
        podcastGUID: podcastGUID(for: show, old: old, outcome: &outcome),
        feedURL: feedURL(for: show, old: old, outcome: &outcome), catalogue: catalogue, show: show,
        old: old?.episodes ?? RecordIndex.Episodes())
      var ascii = true
      for row in 0..<record.old.count {
        // Most rows are an episode still published where it was, from the same media URL:
        // found by the row's bytes, without making its strings. Any other is made into values
        // and checked in full.
        let keeps = isUnchanged(row: row, of: record.old, show: position, byGUID: byGUID) || {
          let (guid, entry) = record.old.entry(at: row)
          return check(guid: guid, entry: entry, of: show, byGUID: byGUID, byFile: byFile, outcome: &outcome) != nil
        }()
        if keeps {
          record.kept.append(Int32(row))
          ascii = ascii && record.old.guidIsASCII(at: row)
        }
      }
      // By index: a loop over the episodes copied each one (every reference in it retained).
      for index in show.episodes.indices where show.episodes[index].status(at: options.now) == .published {
        record.published.append(Int32(index))
        ascii = ascii && show.episodes[index].guid.utf8.allSatisfy { $0 < 0x80 }
      }
      record.liveItems = liveItems(of: show, old: old, outcome: &outcome)
      outcome.record.shows[show.slug] = ascii ? .merged(record.sorted()) : .whole(record.whole())
    }
    checkLiveGUIDsTaken(outcome: &outcome)
    let slugs = Set(catalogue.shows.map(\.slug))
    for slug in previous.shows.keys.sorted() where !slugs.contains(slug) {
      // A show no longer in the catalogue is kept whole, as it was: made into values here.
      if let old = previous.record(of: slug), let kept = check(show: slug, old: old, outcome: &outcome) {
        outcome.record.shows[slug] = .whole(kept)
      }
    }
    outcome.unchanged = comparing && previous.matches(outcome.record)
    // The record no longer reads the last one: what it takes of it is copied out, so that the
    // last record can be let go of once the check is done (``RecordDraft/Merged/compacted()``).
    for (slug, show) in outcome.record.shows {
      if case .merged(let merged) = show { outcome.record.shows[slug] = .merged(merged.compacted()) }
    }
    return outcome
  }

  /// A check handed to the thread that runs it, which takes it, so that the last record it
  /// holds is let go of when the check is done, not when the caller's scope ends.
  final class Handoff: @unchecked Sendable {
    private var check: RecordCheck?

    init(_ check: consuming RecordCheck) { self.check = check }

    /// Runs the check; call once.
    func run(comparing: Bool) -> Outcome {
      guard let check = check.take() else { preconditionFailure("a record check runs once") }
      return check.run(comparing: comparing)
    }
  }

  /// Checks a previously published show that is not in the catalogue; returns the record to keep.
  private func check(show slug: String, old: PublicationRecord.ShowRecord, outcome: inout Outcome)
    -> PublicationRecord.ShowRecord?
  {
    if gaps.mayHold(show: slug) {
      outcome.heldBack.formUnion([slug, "\(slug)/show.yaml", "."])
      return old
    }
    let (what, fix, folder): (String, String, String)
    if gaps.otherFolders.contains(slug) {
      (what, fix, folder) = ("its folder has no show.yaml", "restore show.yaml", slug)
    } else if gaps.otherFolders.contains("_" + slug) {
      (what, fix, folder) = (
        "its folder is now named _\(slug), and a folder whose name starts with _ is not a show",
        "rename it back to \(slug)", "_" + slug
      )
    } else {
      (what, fix, folder) = ("its folder \(slug) is gone", "restore the folder", slug)
    }
    let episodes = old.episodes.count == 1 ? "1 episode" : "\(old.episodes.count) episodes"
    outcome.findings.append(finding(
      PublishRules.removed, allowed: options.allowRemoval,
      "show '\(slug)' was published with \(episodes), but \(what): its feed and every episode would disappear "
        + "for subscribers. To keep it, \(fix); to take the whole show down, build with --allow-removal",
      at: SourceLocation(file: folder)))
    return options.allowRemoval ? nil : old
  }

  /// Every show's `podcast:guid`, by slug, as `run()` records it, without the rest of the check:
  /// the feeds can be written while the check runs.
  func podcastGUIDs() -> [String: String] {
    var ignored = Outcome()
    var guids: [String: String] = [:]
    for show in catalogue.shows {
      guids[show.slug] = podcastGUID(for: show, old: previous.shows[show.slug], outcome: &ignored)
    }
    return guids
  }

  /// The show's feed URL. A published feed that moves loses every subscriber whose app isn't
  /// redirected from the old URL, so a move is refused unless the producer allows it.
  private func feedURL(for show: Show, old: RecordIndex.Show?, outcome: inout Outcome) -> String {
    let url = catalogue.feedURL(for: show)
    guard let published = old?.feedURL, !published.isEmpty, published != url,
      !(old?.episodes.isEmpty ?? true)
    else { return url }
    outcome.findings.append(finding(
      PublishRules.feedMoved, allowed: options.allowFeedMove,
      "the feed of show '\(show.slug)' would move from \(published) to \(url) (base_url changed); apps subscribed to the "
        + "old address lose the show unless it redirects (HTTP 301) to the new one. Put base_url back, or set up the "
        + "redirect and build with --allow-feed-move",
      at: SourceLocation(file: "podium.yaml")))
    return options.allowFeedMove ? url : published
  }

  /// The show's `podcast:guid`: set in show.yaml, or kept from before, or computed once now.
  private func podcastGUID(for show: Show, old: RecordIndex.Show?, outcome: inout Outcome) -> String {
    guard let kept = old?.podcastGUID else {
      return show.guid ?? PodcastGUID.forFeedURL(catalogue.feedURL(for: show))
    }
    guard let wanted = show.guid, wanted != kept else { return kept }
    outcome.findings.append(finding(
      PublishRules.podcastGUIDChanged, allowed: options.allowGUIDChange,
      "show.yaml sets guid \(wanted), but this show was published with podcast:guid \(kept); apps and directories "
        + "know it by that id. Remove the guid line to keep it, or build with --allow-guid-change",
      at: SourceLocation(file: show.file, line: show.lines["guid"])))
    return options.allowGUIDChange ? wanted : kept
  }

  /// The show's live items to record: every one published before, whether show.yaml still has it
  /// or not, and today's. A live item with the stream and start of one published before under
  /// another GUID is a new stream to apps (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/live-item.md).
  private func liveItems(of show: Show, old: RecordIndex.Show?, outcome: inout Outcome)
    -> [String: PublicationRecord.LiveItemRecord]?
  {
    let published = old?.liveItems ?? [:]
    var recorded = published
    for live in show.podcasting.liveItems {
      let now = PublicationRecord.LiveItemRecord(title: live.title, stream: live.streamURL, start: live.start.iso8601)
      // Only one published before: two of today's with one stream and start are not a GUID changed.
      if published[live.guid] == nil,
        let (guid, _) = published.sorted(by: { $0.key < $1.key }).first(where: { $0.value.stream == now.stream && $0.value.start == now.start })
      {
        outcome.findings.append(finding(
          PublishRules.guidChanged, allowed: options.allowGUIDChange,
          "the live item '\(live.title)' was published with guid \(guid) and now has \(live.guid); apps would show it as another "
            + "stream. Put the old guid back, or build with --allow-guid-change",
          at: SourceLocation(file: show.file, line: live.line)))
        if !options.allowGUIDChange { continue }
      }
      recorded[live.guid] = now
    }
    return recorded.isEmpty ? nil : recorded
  }

  /// A GUID is an episode's or a live item's, for ever: an episode never takes the GUID of a live
  /// item, published before or in this build (apps that showed the stream would take the episode
  /// for it), nor a live item the GUID of an episode published before.
  private func checkLiveGUIDsTaken(outcome: inout Outcome) {
    // Episodes published in this build are checked below; one that is now a draft or scheduled
    // still has a GUID apps know. Gathered only for a catalogue with live items, by index: a
    // lazy filter over the episodes copied each one.
    let hasLiveItems = catalogue.shows.contains { !$0.podcasting.liveItems.isEmpty }
    var current = Set<String>()
    for show in catalogue.shows where hasLiveItems {
      for index in show.episodes.indices where show.episodes[index].status(at: options.now) == .published {
        current.insert(show.episodes[index].guid)
      }
    }
    for show in catalogue.shows {
      for item in show.podcasting.liveItems where !current.contains(item.guid) {
        guard let (slug, episode) = previous.shows.sorted(by: { $0.key < $1.key })
          .lazy.compactMap({ slug, old in old.episodes.entry(for: item.guid).map { (slug, $0) } }).first
        else { continue }
        outcome.findings.append(finding(
          PublishRules.guidChanged, allowed: options.allowGUIDChange,
          "the live item '\(item.title)' has guid \(item.guid), which show '\(slug)' published for the episode from \(episode.file); "
            + "apps would take the stream for that episode. Give the live item a guid of its own, or build with --allow-guid-change",
          at: SourceLocation(file: show.file, line: item.line)))
      }
    }
    var live: [String: (show: String, title: String)] = [:]
    for (slug, show) in previous.shows {
      for (guid, item) in show.liveItems ?? [:] { live[guid] = (slug, item.title) }
    }
    for show in catalogue.shows {
      for item in show.podcasting.liveItems { live[item.guid] = (show.slug, item.title) }
    }
    guard !live.isEmpty else { return }
    for show in catalogue.shows {
      for episode in show.episodes where episode.status(at: options.now) == .published {
        guard let (slug, title) = live[episode.guid] else { continue }
        outcome.findings.append(finding(
          PublishRules.guidChanged, allowed: options.allowGUIDChange,
          "guid \(episode.guid) is the live item '\(title)''s, in show '\(slug)'; apps would take this episode "
            + "for that stream. Give the episode a guid of its own, or build with --allow-guid-change",
          at: SourceLocation(file: episode.file, line: episode.lines["guid"])))
      }
    }
  }

  /// Where an episode is in the catalogue.
  private struct Position {
    let show: Int
    let episode: Int
  }

  /// Every episode's position by one of its strings, as a dictionary of them finds it (the last
  /// of one string given twice; a string equal as `String`, canonically, not only by bytes), but
  /// as the strings' bytes in one buffer, their spans sorted by those bytes: two dictionaries of
  /// 100,000 strings were 16 MB beside the rendering, and sorting positions that each reached
  /// into the catalogue for their string was a quarter of a network's rebuild (docs/performance.md).
  private struct Lookup {
    let key: Key
    /// Every key's bytes, one after another.
    private var text: [UInt8] = []
    /// Where each key is in `text`, with its episode's position; ascending by the key's bytes,
    /// of one key in catalogue order.
    private var sorted: [Entry] = []
    /// When a key is not all ASCII, bytes no longer tell keys apart as `String` does: a dictionary.
    private var dictionary: [String: Position]?

    private struct Entry {
      var start: UInt32
      var count: UInt32
      var show: Int32
      var episode: Int32
    }

    /// Which string of an episode: read as a stored property where the episode is, since a
    /// `KeyPath`, a function applied to an episode or a loop over the episodes copies each whole
    /// (every reference in it retained and released).
    enum Key {
      case guid, file

      func callAsFunction(_ catalogue: Catalogue, _ show: Int, _ episode: Int) -> String {
        switch self {
        case .guid: catalogue.shows[show].episodes[episode].guid
        case .file: catalogue.shows[show].episodes[episode].file
        }
      }
    }

    init(_ catalogue: Catalogue?, _ key: Key) {
      self.key = key
      guard let catalogue else { return }
      var count = 0
      var ascii = true
      for show in catalogue.shows.indices {
        for episode in catalogue.shows[show].episodes.indices {
          let utf8 = key(catalogue, show, episode).utf8
          count += utf8.count
          ascii = ascii && utf8.allSatisfy { $0 < 0x80 }
        }
      }
      if !ascii || count >= Int(UInt32.max) {
        var dictionary: [String: Position] = [:]
        for show in catalogue.shows.indices {
          for episode in catalogue.shows[show].episodes.indices {
            dictionary[key(catalogue, show, episode)] = Position(show: show, episode: episode)
          }
        }
        self.dictionary = dictionary
        return
      }
      text.reserveCapacity(count)
      sorted.reserveCapacity(catalogue.shows.reduce(0) { $0 + $1.episodes.count })
      for show in catalogue.shows.indices {
        for episode in catalogue.shows[show].episodes.indices {
          let start = UInt32(text.count)
          text.append(contentsOf: key(catalogue, show, episode).utf8)
          sorted.append(Entry(start: start, count: UInt32(text.count) - start, show: Int32(show), episode: Int32(episode)))
        }
      }
      text.withUnsafeBufferPointer { text in
        sorted.sort { a, b in
          switch Self.compare(text, a, text.baseAddress.map { $0 + Int(b.start) }, Int(b.count)) {
          case .equal: (a.show, a.episode) < (b.show, b.episode)
          case .less: true
          case .greater: false
          }
        }
      }
    }

    private enum Order { case less, equal, greater }

    /// How the key of `entry` orders against `count` bytes at `other`, as bytes.
    private static func compare(
      _ text: UnsafeBufferPointer<UInt8>, _ entry: Entry, _ other: UnsafePointer<UInt8>?, _ count: Int
    ) -> Order {
      let length = Int(entry.count)
      let common = min(length, count)
      let order = common == 0 ? 0 : memcmp(text.baseAddress! + Int(entry.start), other!, common)
      if order != 0 { return order < 0 ? .less : .greater }
      return length == count ? .equal : length < count ? .less : .greater
    }

    subscript(_ wanted: String) -> Position? {
      if let dictionary { return dictionary[wanted] }
      guard !sorted.isEmpty else { return nil }
      // Every key is ASCII: a string equal to one as `String` has that one's bytes once composed.
      var bytes = wanted.utf8.allSatisfy { $0 < 0x80 } ? wanted : wanted.precomposedStringWithCanonicalMapping
      return bytes.withUTF8 { find(ascii: $0) }
    }

    /// The entry of a key found by its bytes: for bytes all ASCII, what the subscript finds for
    /// their string.
    func find(ascii bytes: UnsafeBufferPointer<UInt8>) -> Position? {
      if let dictionary { return dictionary[String(decoding: bytes, as: UTF8.self)] }
      guard !sorted.isEmpty else { return nil }
      return text.withUnsafeBufferPointer { text in
        // The last entry whose key's bytes are not after `bytes`.
        var (low, high) = (0, sorted.count)
        while low < high {
          let middle = (low + high) / 2
          if Self.compare(text, sorted[middle], bytes.baseAddress, bytes.count) == .greater {
            high = middle
          } else {
            low = middle + 1
          }
        }
        guard low > 0, Self.compare(text, sorted[low - 1], bytes.baseAddress, bytes.count) == .equal else { return nil }
        return Position(show: Int(sorted[low - 1].show), episode: Int(sorted[low - 1].episode))
      }
    }
  }

  /// Whether row `row` of a show's last record is an episode the check would keep without a
  /// word: its GUID (all ASCII) found by its bytes in the show at `show`, the episode published,
  /// and its media URL, if the row has one, the row's byte for byte. What this doesn't find so,
  /// ``check(guid:entry:of:byGUID:byFile:outcome:)`` checks; for what it does, that check keeps
  /// the entry and finds nothing, so both give one result.
  private func isUnchanged(row: Int, of old: RecordIndex.Episodes, show: Int, byGUID: Lookup) -> Bool {
    guard let position = old.withGUID(at: row, { $0.allSatisfy { $0 < 0x80 } ? byGUID.find(ascii: $0) : nil }),
      position.show == show, catalogue.shows[show].episodes[position.episode].status(at: options.now) == .published
    else { return false }
    return old.withEnclosure(at: row) { enclosure in
      guard let enclosure else { return true }
      switch catalogue.shows[show].episodes[position.episode].media?.reference {
      case nil: return false
      case .remote(let url)?:
        var url = url
        return url.withUTF8 { $0.elementsEqual(enclosure) }
      case .local(let path)?:
        // The public URL (``Catalogue/publicURL(for:in:)``), compared a part at a time, not made.
        var rest = enclosure[...]
        func next(_ part: String) -> Bool {
          var part = part
          guard part.withUTF8({ rest.starts(with: $0) }) else { return false }
          rest = rest.dropFirst(part.utf8.count)
          return true
        }
        return next(catalogue.site.mediaBaseURL) && next(catalogue.shows[show].slug) && next("/") && next(path)
          && rest.isEmpty
      }
    }
  }

  /// Checks one episode that `published` published before; returns the entry to keep in its record.
  private func check(
    guid: String, entry: PublicationRecord.EpisodeRecord, of published: Show, byGUID: Lookup,
    byFile: Lookup, outcome: inout Outcome
  ) -> PublicationRecord.EpisodeRecord? {
    guard let position = byGUID[guid] else {
      if gaps.mayHold(episodeFile: entry.file) {
        outcome.heldBack.formUnion([entry.file, LoadGaps.showFolder(of: entry.file)])
        return entry
      }
      if let renamed = byFile[entry.file].map({ catalogue.shows[$0.show].episodes[$0.episode] }) {
        outcome.findings.append(finding(
          PublishRules.guidChanged, allowed: options.allowGUIDChange,
          "this episode was published with guid \(guid) and now has \(renamed.guid); apps would download it again "
            + "as a new episode. Put the old guid back, or build with --allow-guid-change",
          at: SourceLocation(file: renamed.file, line: renamed.lines["guid"])))
        return options.allowGUIDChange ? nil : entry
      }
      outcome.findings.append(finding(
        PublishRules.removed, allowed: options.allowRemoval,
        "the episode published from \(entry.file) (guid \(guid)) is gone from the catalogue; subscribers lose it. "
          + "Restore the file, or build with --allow-removal", at: SourceLocation(file: entry.file)))
      return options.allowRemoval ? nil : entry
    }
    let show = catalogue.shows[position.show]
    let episode = show.episodes[position.episode]
    // Moved to another show, the episode leaves this show's feed: its subscribers lose it.
    if show.slug != published.slug {
      outcome.findings.append(finding(
        PublishRules.removed, allowed: options.allowRemoval,
        "this episode was published in show '\(published.slug)' and is now in show '\(show.slug)'; it would leave "
          + "\(published.slug)'s feed and its subscribers lose it. Move the file back, or build with --allow-removal",
        at: SourceLocation(file: episode.file)))
      return options.allowRemoval ? nil : entry
    }
    if episode.status(at: options.now) != .published {
      outcome.findings.append(finding(
        PublishRules.removed, allowed: options.allowRemoval,
        "this episode was published but is now \(episode.status(at: options.now).rawValue); it would leave the feed. "
          + "Publish it again, or build with --allow-removal",
        at: SourceLocation(file: episode.file, line: episode.lines[episode.draft ? "draft" : "date"])))
      return options.allowRemoval ? nil : entry
    }
    // A file swapped for a YouTube or Vimeo link takes the episode out of the podcast feed.
    if entry.enclosure != nil, episode.media == nil {
      outcome.findings.append(finding(
        PublishRules.removed, allowed: options.allowRemoval,
        "this episode was published with a media file and now has only external:, so it would leave the podcast "
          + "feed; keep media: as well, or build with --allow-removal",
        at: SourceLocation(file: episode.file, line: episode.lines["external"])))
      return options.allowRemoval ? nil : entry
    }
    // Only a change of a URL that podcast apps have seen matters; a YouTube-only video gaining a
    // file is new to them.
    if let old = entry.enclosure, let media = episode.media, case let url = catalogue.publicURL(for: media.reference, in: show),
      url != old
    {
      outcome.findings.append(finding(
        PublishRules.enclosureChanged, allowed: options.allowEnclosureChange,
        "the media URL changed from \(old) to \(url); apps may download the episode again. "
          + "Keep the old URL, or build with --allow-enclosure-change",
        at: SourceLocation(file: episode.file, line: episode.lines["media.url"])))
    }
    return entry
  }

  private func finding(_ rule: Rule, allowed: Bool, _ message: String, at location: SourceLocation) -> Finding {
    var finding = rule.finding(message, at: location)
    if allowed {
      finding.severity = .warning
      finding.message = "allowed: " + message
    }
    return finding
  }
}
