/// Values the Podcasting 2.0 namespace enumerates, verbatim, from its repository
/// https://github.com/Podcastindex-org/podcast-namespace (not this one's docs/): media from its
/// docs/tags/medium.md, and its serviceslugs.txt, socialprotocols.txt and docs/chatprotocols.txt.
public enum PodcastNamespaceValues {
  public static let media: Set = [
    "podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course",
    "podcastL", "musicL", "videoL", "filmL", "audiobookL", "newsletterL", "blogL", "publisherL", "courseL", "mixed",
  ]

  public static let serviceSlugs: Set = [
    "acast", "amazon", "anchor", "apple", "audible", "audioboom", "backtracks", "bitcoin", "blubrry", "buzzsprout",
    "captivate", "castos", "castopod", "facebook", "fireside", "fyyd", "google", "gpodder", "hypercatcher", "kasts",
    "libsyn", "mastodon", "megafono", "megaphone", "omnystudio", "overcast", "paypal", "pinecast", "podbean",
    "podcastaddict", "podcastguru", "podcastindex", "podcasts", "podchaser", "podcloud", "podfriend", "podiant",
    "podigee", "podnews", "podomatic", "podserve", "podverse", "redcircle", "relay", "resonaterecordings", "rss",
    "shoutengine", "simplecast", "slack", "soundcloud", "spotify", "spreaker", "tiktok", "transistor", "twitter",
    "whooshkaa", "youtube", "zencast",
  ]

  public static let socialProtocols: Set = [
    "disabled", "activitypub", "twitter", "lightning", "atproto", "hive", "matrix", "nostr",
  ]
  public static let chatProtocols: Set = ["irc", "xmpp", "nostr", "matrix"]
  public static let liveStatuses: Set = ["pending", "live", "ended"]
}
