/// Words and formats of the page, in the show's language: Dutch and English to start.
struct PageLocale {
  let language: String
  let dutch: Bool

  init(language: String) {
    self.language = language
    dutch = language.lowercased().hasPrefix("nl")
  }

  var captions: String { dutch ? "Ondertitels" : "Captions" }
  var download: String { dutch ? "Download de video" : "Download the video" }
  var watch: String { dutch ? "Bekijk de video" : "Watch the video" }
  var play: String { dutch ? "Speel af" : "Play" }

  /// `Bekijk op YouTube`: the link that stands in for a provider's player without script.
  func watchOn(_ provider: String) -> String { fill("watchOn", provider: provider) }

  /// What playing through a provider means for the visitor's privacy, said before the click.
  func externalNote(_ provider: String) -> String { fill("external", provider: provider) }

  private func fill(_ label: String, provider: String) -> String {
    labels[label, default: ""].replacingOccurrences(of: "{provider}", with: provider)
  }

  /// What the index's script says, in index.json's `labels`; `{n}` and `{provider}` are filled in
  /// by the script.
  var labels: [String: String] {
    dutch
      ? [
        "play": "Speel af", "filter": "Filter op thema", "allThemes": "Alle thema's", "captions": "Ondertitels",
        "subtitles": "Ondertitels", "count": "{n} video's", "countOne": "1 video",
        "external": "Speel af via {provider}. Pas dan laadt {provider} de video, en kan het gegevens over je verzamelen.",
        "watchOn": "Bekijk op {provider}",
      ]
      : [
        "play": "Play", "filter": "Filter by theme", "allThemes": "All themes", "captions": "Captions",
        "subtitles": "Subtitles", "count": "{n} videos", "countOne": "1 video",
        "external": "Plays through {provider}: only then does {provider} load the video, and it may collect data about you.",
        "watchOn": "Watch on {provider}",
      ]
  }

  /// Whether a track in `tag` is in the page's own language: then it is captions, not subtitles.
  func isShowLanguage(_ tag: String) -> Bool {
    tag.split(separator: "-").first?.lowercased() == language.split(separator: "-").first?.lowercased()
  }

  /// `Nederlands`, `Engels`: a caption track's language, named in the page's language.
  func languageName(_ tag: String) -> String {
    let code = tag.split(separator: "-").first.map { $0.lowercased() } ?? tag
    let names = dutch ? Self.dutchLanguageNames : Self.englishLanguageNames
    return names[code] ?? tag
  }

  private static let dutchLanguageNames = [
    "nl": "Nederlands", "en": "Engels", "fr": "Frans", "de": "Duits", "es": "Spaans", "it": "Italiaans",
    "pt": "Portugees", "pl": "Pools", "tr": "Turks", "ar": "Arabisch", "uk": "Oekraïens", "ru": "Russisch",
  ]
  private static let englishLanguageNames = [
    "nl": "Dutch", "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "pl": "Polish", "tr": "Turkish", "ar": "Arabic", "uk": "Ukrainian", "ru": "Russian",
  ]

  private static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
  ]
  private static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// `14 maart 2024`, `14 March 2024`, from `2024-03-14`.
  func date(_ localDate: String) -> String {
    let parts = localDate.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]) else { return localDate }
    let month = (dutch ? Self.dutchMonths : Self.englishMonths)[parts[1] - 1]
    return "\(parts[2]) \(month) \(parts[0])"
  }

  /// `1:05:12` or `4:07`.
  func duration(_ seconds: Int) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
  }

  /// ISO 8601 duration for schema.org: `PT4M7S`.
  static func isoDuration(_ seconds: Int) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
    return "PT" + (h > 0 ? "\(h)H" : "") + (m > 0 ? "\(m)M" : "") + "\(s)S"
  }
}
