import Foundation
import Identifiers
import MediaProbe
import PodcastVocabulary

/// Reads `<show>/<YYYY-MM-DD>-<slug>.md`: front matter and show notes.
enum EpisodeReader {
  static let keys = [
    "title", "date", "guid", "guid_is_permalink", "season", "episode", "episode_type", "explicit", "media", "external", "alternates", "summary",
    "artwork", "poster", "link",
    "transcripts", "chapters", "persons", "themes", "tags", "location", "license", "funding", "block", "draft",
  ] + PodcastingReader.episodeKeys
  static let mediaKeys = ["url", "length", "type", "duration", "integrity"]
  static let externalKeys = ["url", "duration"]
  static let transcriptKeys = ["file", "type", "language", "rel"]
  static let chapterKeys = ["start", "title", "url", "img", "toc"]
  static let alternateKeys = ["url", "type", "length", "title", "language", "integrity"]

  struct Context {
    let fileName: String
    let file: String
    let resolver: PathResolver
    let showFolder: URL
    /// The show folder's path with a trailing `/`.
    let folderPath: String
    /// Whether the episode is read for a listing (``CatalogueLoader/listing``): its notes are
    /// then neither checked nor kept track of.
    var listing = false
  }

  static func read(_ document: YAMLDocument, frontMatter: FrontMatter, context: Context, collector: FindingCollector) -> Episode? {
    guard let reader = MappingReader(document, known: keys, collector: collector, what: "the front matter")
    else { return nil }
    let title = reader.shortText("title", required: true)
    let date = date(reader)
    let guid = reader.string("guid")
    if guid == nil {
      collector.report(
        CatalogueRules.guidRequired,
        "missing 'guid': every episode needs a permanent one; add 'guid: \(EpisodeGUID.make())' "
          + "(podium add does this for you)", line: reader.line)
    }
    let media = reader.has("media") || !reader.has("external") ? media(reader, context: context) : nil
    let external = external(reader, media: media)
    guard let title, let date, let guid, media != nil || external != nil else { return nil }

    let slug = slug(fileName: context.fileName, date: date, collector: collector)
    var episode = Episode(file: context.file, slug: slug, title: title, date: date, guid: guid, media: media)
    episode.external = external
    if reader.bool("guid_is_permalink") == true {
      if guid.hasPrefix("https://") || guid.hasPrefix("http://"), URL(string: guid)?.host != nil {
        episode.guidIsPermaLink = true
      } else {
        reader.report(
          CatalogueRules.badValue,
          "guid_is_permalink says the guid is the episode's web address, but '\(guid)' is not an http(s) URL; "
            + "remove guid_is_permalink (never change a published guid)", key: "guid_is_permalink")
      }
    }
    episode.season = reader.positiveInt("season")
    episode.number = reader.positiveInt("episode", rule: CatalogueRules.episodeNumber)
    episode.type = reader.enumeration("episode_type", EpisodeType.self, rule: CatalogueRules.episodeType) ?? .full
    episode.explicit = reader.bool("explicit", rule: CatalogueRules.episodeExplicit)
    // Its length is checked as the item's <description>, by the feed rules (APPLE-ITEM-DESC).
    episode.summary = reader.plainText("summary")
    episode.artwork = reader.string("artwork").flatMap {
      ShowReader.reference($0, key: "artwork", reader: reader, resolver: context.resolver)
    }
    episode.poster = poster(reader, context: context)
    episode.link = reader.httpsURL("link")
    episode.alternates = alternates(reader, context: context)
    episode.transcripts = transcripts(reader, context: context)
    episode.chapters = chapters(reader)
    episode.persons = reader.has("persons") ? reader.persons("persons") : nil
    episode.themes = reader.plainTextList("themes")
    episode.tags = reader.plainTextList("tags")
    episode.location = reader.location("location")
    episode.license = reader.license("license")
    episode.funding = reader.funding("funding")
    episode.podcasting = PodcastingReader.episode(reader, context: context)
    episode.block = reader.bool("block") ?? false
    episode.draft = reader.bool("draft") ?? false
    // Only where the notes are is kept; the writer reads them again.
    if !context.listing {
      episode.notesSource = NotesSource(folder: context.folderPath, name: context.fileName, notes: frontMatter.body)
    }
    episode.notesLine = frontMatter.bodyLine
    // A link in the notes is published too (content:encoded, the video pages).
    for link in context.listing ? [] : URLCheck.linkHosts(in: frontMatter.body) where HostName.isReservedExample(link.host) {
      collector.report(
        CatalogueRules.placeholder,
        "a link in the notes goes to \(link.host), a domain reserved for examples (RFC 2606): a placeholder; "
          + "replace it with the real address before you publish", line: frontMatter.bodyLine + link.line)
    }
    episode.lines = reader.lines
    // The front matter's chapters are the source; without any, the media file's own are.
    if !reader.has("chapters"), let probe = media?.probe, !probe.chapters.isEmpty {
      episode.chapters = Chapter.embedded(in: probe, line: episode.lines["media.url"] ?? 1)
    }
    return episode
  }

  private static func date(_ reader: MappingReader) -> Timestamp? {
    guard let text = reader.string("date", required: true, hint: " (e.g. 2024-03-14T09:00:00+01:00)") else {
      return nil
    }
    guard let date = Timestamp.parse(text) else {
      reader.report(
        CatalogueRules.badDate,
        "'\(text)' is not a date and time with a zone; write it as 2024-03-14T09:00:00+01:00", key: "date")
      return nil
    }
    return date
  }

  private static func media(_ reader: MappingReader, context: Context) -> Enclosure? {
    guard reader.has("media") else {
      reader.requireKey(
        "media", hint: " (url, length, type and duration of the episode's audio or video; a video only on YouTube "
          + "or Vimeo has external: instead)")
      return nil
    }
    guard let media = reader.mapping("media", known: mediaKeys),
      let urlText = media.string("url", required: true),
      let reference = ShowReader.reference(urlText, key: "url", reader: media, resolver: context.resolver)
    else { return nil }

    var length: Int64?
    if let text = media.string("length") {
      if let value = Int64(text), value > 0 {
        length = value
      } else {
        media.report(CatalogueRules.wrongType, "media.length must be the file size in bytes, not '\(text)'", key: "length")
        return nil
      }
    }
    var probe: MediaInfo?
    if case .local(let path) = reference {
      let url = context.showFolder.appendingPathComponent(path)
      guard let size = fileSize(url) else {
        media.report(CatalogueRules.missingFile, "media file '\(path)' does not exist in the show folder", key: "url")
        return nil
      }
      if let length, length != size {
        media.report(
          CatalogueRules.mediaLength, "media.length is \(length) but '\(path)' is \(size) bytes; write \(size)",
          key: "length")
      }
      length = size
      // Local files are read for the truth: it fills what the front matter leaves out, and the
      // validator checks what it declares against it.
      probe = MediaProbe().probe(path: url.path)
    }
    guard let length else {
      media.requireKey("length", hint: " (the file size in bytes; required for remote media)")
      return nil
    }
    let type = media.string("type") ?? probe?.mimeType ?? MediaTypes.type(forExtension: reference.pathExtension)
    guard let type else {
      media.requireKey("type", hint: " (the MIME type, e.g. audio/mpeg)")
      return nil
    }
    if type.split(separator: "/").count != 2 {
      media.report(CatalogueRules.badValue, "'\(type)' is not a MIME type such as audio/mpeg", key: "type")
    }
    guard let duration = duration(media, probed: probe?.duration) else { return nil }
    var enclosure = Enclosure(reference: reference, length: length, type: type, duration: duration)
    enclosure.probe = probe
    enclosure.integrity = integrity(media, reference: reference, context: context)
    return enclosure
  }

  /// `external: {url, duration}`: a YouTube or Vimeo video. Its duration is required when there
  /// is no media file to take it from.
  private static func external(_ reader: MappingReader, media: Enclosure?) -> ExternalVideo? {
    guard reader.has("external"), let item = reader.mapping("external", known: externalKeys),
      let url = item.httpsURL("url", required: true)
    else { return nil }
    let duration: Int
    if let media, !item.has("duration") {
      duration = media.duration
    } else {
      guard let declared = Self.duration(item, probed: nil, hint: " (seconds, or H:MM:SS: Podium can't read it from the provider)")
      else { return nil }
      duration = declared
    }
    guard let video = ExternalVideo.parse(url, duration: duration) else {
      item.report(
        CatalogueRules.badValue,
        "'\(url)' is not a YouTube or Vimeo video URL (https://www.youtube.com/watch?v=…, https://youtu.be/…, "
          + "https://vimeo.com/…)", key: "url")
      return nil
    }
    return video
  }

  /// The declared duration, or the probed one when none is declared.
  private static func duration(
    _ media: MappingReader, probed: Double?,
    hint: String = " (seconds, or H:MM:SS; Podium reads it from local files it can probe)"
  ) -> Int? {
    guard let text = media.string("duration") else {
      if let probed, probed >= 0.5 { return Int(probed.rounded()) }
      media.requireKey("duration", hint: hint)
      return nil
    }
    guard let seconds = DurationParser.seconds(from: text), seconds > 0 else {
      media.report(
        CatalogueRules.wrongType, "\(media.path)duration must be seconds (312) or H:MM:SS (0:05:12), not '\(text)'",
        key: "duration")
      return nil
    }
    return Int(seconds.rounded())
  }

  /// A remote file's SRI hash, when the producer gives it. A local file's is the feed writer's to
  /// compute from its bytes as it writes the item (a declared one is refused: it could only
  /// differ), so that listing or checking a catalogue never reads every media file whole.
  private static func integrity(_ item: MappingReader, reference: MediaReference, context: Context) -> String? {
    guard case .local(let path) = reference else { return item.integrity("integrity") }
    if item.has("integrity") {
      item.report(
        CatalogueRules.badValue,
        "'\(item.path)integrity' is for remote files; Podium computes it from '\(path)' itself, so delete the key",
        key: "integrity")
    }
    return nil
  }

  private static func poster(_ reader: MappingReader, context: Context) -> Poster? {
    guard let text = reader.string("poster"),
      let reference = ShowReader.reference(text, key: "poster", reader: reader, resolver: context.resolver)
    else { return nil }
    guard case .local(let path) = reference else { return Poster(reference: reference) }
    let url = context.showFolder.appendingPathComponent(path)
    guard let size = fileSize(url) else {
      reader.report(CatalogueRules.missingFile, "poster '\(path)' does not exist in the show folder", key: "poster")
      return nil
    }
    if let tooLarge = CatalogueFileKind.poster.sizeProblem(path: path, size: size) {
      reader.report(CatalogueRules.fileTooLarge, tooLarge, key: "poster")
      return nil
    }
    let image = MediaProbe().probe(path: url.path)
    guard [.jpeg, .png, .webp].contains(image.container) else {
      reader.report(CatalogueRules.mediaFormat, "poster '\(path)' is not a JPEG, PNG or WebP image", key: "poster")
      return nil
    }
    return Poster(reference: reference, width: image.width, height: image.height, type: image.mimeType)
  }

  private static func alternates(_ reader: MappingReader, context: Context) -> [AlternateEnclosure] {
    reader.mappingList("alternates", known: alternateKeys).compactMap { item -> AlternateEnclosure? in
      guard let text = item.string("url", required: true),
        let reference = ShowReader.reference(text, key: "url", reader: item, resolver: context.resolver)
      else { return nil }
      var probe: MediaInfo?
      var length = item.string("length").flatMap { Int64($0) }
      if case .local(let path) = reference {
        let url = context.showFolder.appendingPathComponent(path)
        guard let size = fileSize(url) else {
          item.report(CatalogueRules.missingFile, "alternate file '\(path)' does not exist in the show folder", key: "url")
          return nil
        }
        length = size
        probe = MediaProbe().probe(path: url.path)
      }
      guard let type = item.string("type") ?? probe?.mimeType ?? MediaTypes.type(forExtension: reference.pathExtension)
      else {
        item.requireKey("type", hint: " (the MIME type, e.g. video/webm or application/x-mpegURL)")
        return nil
      }
      // Its length is the feed rules' to check, in the feed's podcast:alternateEnclosure.
      let title = item.plainText("title", isName: true)
      let language = item.string("language")
      if let language, !LanguageTag.isValid(language) {
        item.report(CatalogueRules.language, "'\(language)' is not a language code such as nl-BE", key: "language")
      }
      var alternate = AlternateEnclosure(
        reference: reference, type: type, length: length, title: title, language: language, line: item.line)
      alternate.probe = probe
      alternate.integrity = integrity(item, reference: reference, context: context)
      return alternate
    }
  }

  private static func transcripts(_ reader: MappingReader, context: Context) -> [Transcript] {
    reader.mappingList("transcripts", known: transcriptKeys).compactMap { item -> Transcript? in
      guard let text = item.string("file", required: true) else { return nil }
      let path: String
      do throws(PathResolver.Problem) {
        path = try context.resolver.localPath(text)
      } catch {
        item.report(CatalogueRules.pathEscape, "transcript: \(error.message)", key: "file")
        return nil
      }
      guard let size = fileSize(context.showFolder.appendingPathComponent(path)) else {
        item.report(CatalogueRules.missingFile, "transcript file '\(path)' does not exist in the show folder", key: "file")
        return nil
      }
      let kind: CatalogueFileKind = item.string("rel") == "captions" ? .captions : .transcript
      if let tooLarge = kind.sizeProblem(path: path, size: size) {
        item.report(CatalogueRules.fileTooLarge, tooLarge, key: "file")
        return nil
      }
      let ext = path.split(separator: ".").last.map(String.init) ?? ""
      guard let type = item.string("type") ?? MediaTypes.type(forExtension: ext) else {
        item.requireKey("type", hint: " (text/vtt, application/x-subrip, text/html, application/json or text/plain)")
        return nil
      }
      let language = item.string("language")
      if let language, !LanguageTag.isValid(language) {
        item.report(CatalogueRules.language, "'\(language)' is not a language code such as nl-BE", key: "language")
      }
      return Transcript(file: path, type: type, language: language, rel: item.string("rel"), line: item.line)
    }
  }

  private static func chapters(_ reader: MappingReader) -> [Chapter] {
    reader.mappingList("chapters", known: chapterKeys).compactMap { item -> Chapter? in
      guard let startText = item.string("start", required: true), let title = item.plainText("title", required: true, isName: true)
      else { return nil }
      guard let start = DurationParser.seconds(from: startText) else {
        item.report(CatalogueRules.wrongType, "chapter start must be seconds or M:SS, not '\(startText)'", key: "start")
        return nil
      }
      return Chapter(
        start: start, title: title, url: item.httpsURL("url"), img: item.httpsURL("img"), toc: item.bool("toc") ?? true,
        line: item.line)
    }
  }

  /// `2024-03-14-de-buurt-beslist.md` → `de-buurt-beslist`, checking the date against the front matter.
  private static func slug(fileName: String, date: Timestamp, collector: FindingCollector) -> String {
    let base = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    if let scalar = InvisibleCharacters.first(in: base) {
      collector.report(
        CatalogueRules.invisibleCharacter,
        "the file name contains \(InvisibleCharacters.describe(scalar)), an invisible character that can disguise it; "
          + "rename the file", line: nil)
    }
    let bytes = Array(base.utf8)
    let hasDatePrefix = bytes.count > 11 && bytes[10] == UInt8(ascii: "-")
      && Timestamp.parse(String(base.prefix(10)) + "T00:00:00Z") != nil
    guard hasDatePrefix else {
      collector.report(
        CatalogueRules.fileName, "name the file \(date.localDate)-\(base).md so the catalogue sorts by date", line: 1)
      return base
    }
    if base.prefix(10) != date.localDate {
      collector.report(
        CatalogueRules.fileName,
        "the file name says \(base.prefix(10)) but the date is \(date.localDate); rename the file or fix the date",
        line: 1)
    }
    return String(base.dropFirst(11))
  }

  static func fileSize(_ url: URL) -> Int64? {
    var info = stat()
    guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int64(info.st_size)
  }
}
