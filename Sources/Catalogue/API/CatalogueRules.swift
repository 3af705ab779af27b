import Diagnostics

/// The rules the catalogue loader and validator report: what only the catalogue can know (its
/// files, media, paths, numbering). Requirements on what a feed says are the feed rules', checked
/// in the feed as written and reported at the catalogue line that wrote it.
public enum CatalogueRules {
  static let catalogue = "Podium catalogue format (docs/catalogue.md)"
  /// The public documents the catalogue's other rules rest on, with the URL a reader opens.
  static let apple = "Apple Podcasts RSS guide, https://help.apple.com/itc/podcasts_connect/#/itcb54353390"
  static let podcasting20 = "Podcasting 2.0 namespace, https://github.com/Podcastindex-org/podcast-namespace"

  public static let yamlSyntax = Rule(
    id: "CAT-YAML", severity: .error, source: catalogue, summary: "Files must be well-formed YAML.")
  public static let frontMatter = Rule(
    id: "CAT-FRONT-MATTER", severity: .error, source: catalogue,
    summary: "An episode file starts with YAML front matter between two `---` lines.")
  public static let unknownKey = Rule(
    id: "CAT-UNKNOWN-KEY", severity: .error, source: catalogue, summary: "Only documented keys are allowed.")
  public static let wrongType = Rule(
    id: "CAT-TYPE", severity: .error, source: catalogue, summary: "Each key has the documented type.")
  public static let missingKey = Rule(
    id: "CAT-REQUIRED", severity: .error, source: catalogue, summary: "Required keys must be present.")
  public static let badDate = Rule(
    id: "CAT-DATE", severity: .error, source: catalogue,
    summary: "Dates are ISO 8601 with a time and a zone: 2024-03-14T09:00:00+01:00.")
  public static let badValue = Rule(
    id: "CAT-VALUE", severity: .error, source: catalogue, summary: "Values come from the documented set.")
  public static let controlCharacter = Rule(
    id: "CAT-CONTROL-CHAR", severity: .error, source: "XML 1.0 §2.2, https://www.w3.org/TR/xml/#charsets",
    summary: "Text may not contain control characters that XML cannot carry.")
  public static let pathEscape = Rule(
    id: "CAT-PATH", severity: .error, source: catalogue,
    summary: "Paths stay inside the show folder; symbolic links may not point outside the catalogue.")
  public static let missingFile = Rule(
    id: "CAT-FILE-MISSING", severity: .error, source: catalogue, summary: "Referenced local files must exist.")
  public static let fileName = Rule(
    id: "CAT-FILENAME", severity: .warning, source: catalogue,
    summary: "Episode files are named <YYYY-MM-DD>-<slug>.md after their date.")
  public static let fileTooLarge = Rule(
    id: "CAT-FILE-SIZE", severity: .error, source: catalogue, summary: "Catalogue text files, transcripts, captions, artwork and posters are at most 16 MB each.")
  public static let noShows = Rule(
    id: "CAT-NO-SHOWS", severity: .warning, source: catalogue, summary: "A catalogue has at least one show.")
  public static let strayFolder = Rule(
    id: "CAT-STRAY-FOLDER", severity: .warning, source: catalogue,
    summary: "Every folder in the catalogue is a show with a show.yaml.")
  public static let nameEncoding = Rule(
    id: "CAT-NAME-UTF8", severity: .error, source: catalogue,
    summary: "Show folders and episode files have UTF-8 names, so Podium can read them.")
  public static let mediaLength = Rule(
    id: "CAT-MEDIA-LENGTH", severity: .error, source: apple,
    summary: "The declared length is the media file's size in bytes.")
  public static let mediaDuration = Rule(
    id: "CAT-MEDIA-DURATION", severity: .error, source: apple,
    summary: "The declared duration is within a second of what the media file plays.")
  public static let mediaType = Rule(
    id: "CAT-MEDIA-TYPE", severity: .error, source: "RSS 2.0 enclosure, https://www.rssboard.org/rss-specification#ltenclosuregtSubelementOfLtitemgt",
    summary: "The declared MIME type is the media file's real type.")
  public static let mediaFormat = Rule(
    id: "CAT-MEDIA-FORMAT", severity: .error, source: catalogue,
    summary: "Local media files are audio or video in a format Podium can read.")
  public static let artworkSize = Rule(
    id: "APPLE-IMG-SIZE", severity: .error, source: apple,
    summary: "Artwork is square, from 1400×1400 to 3000×3000 pixels.")
  public static let artworkFileSize = Rule(
    id: "APPLE-IMG-FILESIZE", severity: .warning, source: "Hosts' artwork guidance, e.g. https://help.podigee.com/article/44-the-cover-image-or-artwork-of-a-podcast",
    summary: "Artwork files are at most 512 KB, so apps load them quickly.")
  public static let numberingGap = Rule(
    id: "CAT-NUMBERING-GAP", severity: .info, source: apple,
    summary: "Episode numbers within a season follow each other without gaps.")
  public static let ruleSetting = Rule(
    id: "CAT-RULE-SETTING", severity: .error, source: catalogue,
    summary: "Rule settings in podium.yaml name known rules, and don't switch off the ones that protect the feeds.")
  public static let numbering = Rule(
    id: "CAT-NUMBERING", severity: .warning, source: apple,
    summary: "Episode numbers are not repeated within a season.")

  // Feed rules the catalogue reports too, for what only it can know: each is declared and
  // documented once, by the feed rules (`podium rules` lists it there), with the same severity
  // (RuleOwnershipTests). A URL that isn't https, an episode without a GUID, or a show type,
  // explicit flag, episode type or number that isn't one, is refused as the catalogue is read, so
  // the feed never carries it: the one finding has the id `podium lint` gives the same mistake in a
  // feed. The other shows' GUIDs and media URLs, the languages of alternates and transcripts, and
  // what an artwork file holds are not in the feed.
  public static let https = Rule(
    id: "P20-HTTPS", severity: .error, source: "Podcasting 2.0 namespace",
    summary: "URLs are absolute and use https.")
  public static let guidRequired = Rule(
    id: "APPLE-GUID-REQUIRED", severity: .error, source: "Apple Podcasts requirements",
    summary: "Every episode has a permanent GUID.")
  public static let guidUnique = Rule(
    id: "RSS-GUID-UNIQUE", severity: .error, source: "RSS 2.0, Apple Podcasts",
    summary: "No two episodes share a GUID, anywhere in the catalogue.")
  public static let enclosureUnique = Rule(
    id: "APPLE-ITEM-ENCLOSURE", severity: .error, source: "Apple Podcasts RSS guide",
    summary: "Each episode has its own enclosure URL.")
  public static let language = Rule(
    id: "APPLE-CH-LANGUAGE", severity: .error, source: "Apple Podcasts RSS guide, BCP 47",
    summary: "Languages are ISO 639 codes with an optional region: nl-BE.")
  public static let artworkFormat = Rule(
    id: "APPLE-IMG-FORMAT", severity: .error, source: "Apple Podcasts RSS guide",
    summary: "Artwork is an RGB JPEG or PNG whose extension matches its content.")

  public static let showType = Rule(
    id: "APPLE-CH-TYPE", severity: .error, source: "Apple Podcasts RSS guide",
    summary: "<itunes:type> is episodic or serial, in lower case.")
  public static let showExplicit = Rule(
    id: "APPLE-CH-EXPLICIT", severity: .error, source: "Apple Podcasts RSS guide",
    summary: "The show has <itunes:explicit> with true or false.")
  public static let episodeExplicit = Rule(
    id: "APPLE-ITEM-EXPLICIT", severity: .warning, source: "Apple Podcasts RSS guide",
    summary: "An episode's <itunes:explicit> is true or false.")
  public static let episodeType = Rule(
    id: "APPLE-ITEM-EPTYPE", severity: .info, source: "Apple Podcasts RSS guide",
    summary: "<itunes:episodeType> is full, trailer or bonus, in lower case.")
  public static let episodeNumber = Rule(
    id: "APPLE-ITEM-EPISODE", severity: .error, source: "Apple Podcasts RSS guide",
    summary: "<itunes:episode> is a non-zero whole number, and every episode of a serial show has one.")

  public static let valueSplit = Rule(
    id: "P20-VALUE", severity: .info, source: "Podcasting 2.0 namespace",
    summary: "<podcast:valueRecipient> has a split of whole shares.")

  /// The feed rules above, which `all` leaves to the feed rules' list.
  public static let sharedWithFeed: [Rule] = [
    https, guidRequired, guidUnique, enclosureUnique, language, artworkFormat, showType, showExplicit, episodeExplicit,
    episodeType, episodeNumber, valueSplit,
  ]

  public static let license = Rule(
    id: "P20-LICENSE", severity: .error, source: podcasting20,
    summary: "A license is a known id, or a name with the URL of its text.")
  public static let chapters = Rule(
    id: "P20-CHAP-ORDER", severity: .error, source: "Podcasting 2.0 JSON chapters, https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md",
    summary: "Chapters are in ascending order and start within the episode, as long as the media file really is.")
  public static let chapterTitle = Rule(
    id: "P20-CHAP-TITLE", severity: .error, source: "Podlove Simple Chapters, https://podlove.org/simple-chapters/",
    summary: "Every chapter has a title: Podlove Simple Chapters require one, and apps list chapters by it.")

  public static let soundbite = Rule(
    id: "CAT-SOUNDBITE", severity: .info, source: "Podcasting 2.0 soundbite, https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/soundbite.md",
    summary: "Soundbites end within what the media file really plays, not only within its rounded itunes:duration (P20-SOUNDBITE).")

  public static let plainText = Rule(
    id: "CAT-PLAIN-TEXT", severity: .error, source: "RSS 2.0 description (RSS Best Practices Profile), docs/catalogue.md",
    summary: "Titles, names, descriptions and summaries are plain text: no HTML tags or character references, which readers would render.")
  public static let invisibleCharacter = Rule(
    id: "CAT-INVISIBLE-CHAR", severity: .error, source: "Unicode Technical Report #36, https://www.unicode.org/reports/tr36/",
    summary: "Titles, names and file names hold no bidirectional controls or zero-width characters, which can disguise what they say.")
  public static let reservedName = Rule(
    id: "CAT-RESERVED-NAME", severity: .error, source: catalogue,
    summary: "A show folder is not named like a file Podium writes at the top of the output (feeds.opml).")
  public static let placeholder = Rule(
    id: "CAT-PLACEHOLDER", severity: .warning, source: "RFC 2606 reserved domains, https://www.rfc-editor.org/rfc/rfc2606, and podium init",
    summary: "Nothing published is on a reserved example domain or still a placeholder text that podium init wrote.")

  public static let posterLocal = Rule(
    id: "CAT-POSTER-LOCAL", severity: .warning, source: "Podium video index (docs/embed.md)",
    summary: "Videos have a poster in the show folder, so the video index asks no other site for anything before a click.")

  /// Every rule above but the feed rules', for documentation and configuration.
  public static let all: [Rule] = [
    yamlSyntax, frontMatter, unknownKey, wrongType, missingKey, badDate, badValue, controlCharacter, pathEscape,
    missingFile, fileName, fileTooLarge, noShows, strayFolder, nameEncoding, mediaLength, numbering, license,
    chapters, chapterTitle, numberingGap, ruleSetting, mediaDuration, mediaType, mediaFormat, artworkSize,
    artworkFileSize, posterLocal, plainText, invisibleCharacter, reservedName, placeholder, soundbite,
  ]
}
