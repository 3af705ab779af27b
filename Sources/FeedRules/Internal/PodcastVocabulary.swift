/// Enumerations of the podcast namespace, verbatim from feed-rules.md §4.6 and §4.1
/// (taxonomy.json and the slug lists), lower-cased for case-insensitive comparison.
enum PodcastVocabulary {
  /// Person group → roles.
  static let personRoles: [String: Set<String>] = [
    "creative direction": [
      "director", "assistant director", "executive producer", "senior producer", "producer", "associate producer",
      "development producer", "creative director",
    ],
    "cast": ["host", "co-host", "guest host", "guest", "voice actor", "narrator", "announcer", "reporter"],
    "writing": [
      "author", "editorial director", "co-writer", "writer", "songwriter", "guest writer", "story editor",
      "managing editor", "script editor", "script coordinator", "researcher", "editor", "fact checker",
      "translator", "transcriber", "logger",
    ],
    "audio production": [
      "studio coordinator", "technical director", "technical manager", "audio engineer",
      "remote recording engineer", "post production engineer",
    ],
    "audio post-production": [
      "audio editor", "sound designer", "foley artist", "composer", "theme music", "music production",
      "music contributor",
    ],
    "administration": [
      "production coordinator", "booking coordinator", "production assistant", "content manager",
      "marketing manager", "sales representative", "sales manager",
    ],
    "visuals": ["graphic designer", "cover art designer"],
    "community": ["social media manager"],
    "misc.": ["consultant", "intern"],
    "video production": ["camera operator", "lighting designer", "camera grip", "assistant camera"],
    "video post-production": ["editor", "assistant editor"],
  ]

  static let allRoles: Set<String> = personRoles.values.reduce(into: []) { $0.formUnion($1) }

  static let media: Set = [
    "podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course",
    "podcastL", "musicL", "videoL", "filmL", "audiobookL", "newsletterL", "blogL", "publisherL", "courseL", "mixed",
  ]

  static let serviceSlugs: Set = [
    "acast", "amazon", "anchor", "apple", "audible", "audioboom", "backtracks", "bitcoin", "blubrry", "buzzsprout",
    "captivate", "castos", "castopod", "facebook", "fireside", "fyyd", "google", "gpodder", "hypercatcher", "kasts",
    "libsyn", "mastodon", "megafono", "megaphone", "omnystudio", "overcast", "paypal", "pinecast", "podbean",
    "podcastaddict", "podcastguru", "podcastindex", "podcasts", "podchaser", "podcloud", "podfriend", "podiant",
    "podigee", "podnews", "podomatic", "podserve", "podverse", "redcircle", "relay", "resonaterecordings", "rss",
    "shoutengine", "simplecast", "slack", "soundcloud", "spotify", "spreaker", "tiktok", "transistor", "twitter",
    "whooshkaa", "youtube", "zencast",
  ]

  static let socialProtocols: Set = [
    "disabled", "activitypub", "twitter", "lightning", "atproto", "hive", "matrix", "nostr",
  ]
  static let chatProtocols: Set = ["irc", "xmpp", "nostr", "matrix"]
  /// License identifiers from licenses.json; others are custom and need a url.
  static let licenses: Set = ["arr", "cc-by-4.0", "cc-by-nc-4.0", "cc-by-nc-nd-4.0", "pod-v4v-1.0"]
  static let liveStatuses: Set = ["pending", "live", "ended"]
}
