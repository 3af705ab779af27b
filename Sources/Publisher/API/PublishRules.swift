import Diagnostics

/// Rules that compare a build with what was published before.
public enum PublishRules {
  /// Apps key episodes on their GUID and enclosure, so a changed one is downloaded again and a
  /// removed one is lost to subscribers.
  static let source =
    "GUIDs never change: Apple, https://podcasters.apple.com/support/823-podcast-requirements; Podcasting 2.0, "
    + "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/other-recommendations.md"

  public static let guidChanged = Rule(
    id: "PUB-GUID-CHANGED", severity: .error, source: source,
    summary: "An episode or live item that was published keeps its GUID, and no later episode takes a live item's.")
  public static let enclosureChanged = Rule(
    id: "PUB-ENCLOSURE-CHANGED", severity: .error, source: source,
    summary: "An episode that was published keeps its enclosure URL.")
  public static let removed = Rule(
    id: "PUB-REMOVED", severity: .error, source: source,
    summary: "A published episode stays in its feed, and a published show keeps its feed.")
  public static let feedMoved = Rule(
    id: "PUB-FEED-MOVED", severity: .error,
    source: "Apple Podcasts: moving a feed (https://podcasters.apple.com/support/837-change-the-rss-feed-url)",
    summary: "A published show's feed URL stays, or moves only with a redirect from the old one.")
  public static let podcastGUIDChanged = Rule(
    id: "P20-GUID-STABLE", severity: .error, source: "Podcasting 2.0 podcast:guid, https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/guid.md",
    summary: "A show's podcast:guid is assigned once and kept.")
  public static let record = Rule(
    id: "PUB-RECORD", severity: .error, source: "Podium (docs/safety.md)",
    summary: "The publication record feeds/.podium/published.json is readable.")
  /// The feed rule for unsafe show notes, declared and listed by the feed rules: the writer's
  /// sanitiser takes what it finds out, so the feed never carries it and this is the one report.
  public static let notesHTML = Rule(
    id: "RSS-ITEM-HTML-SAFE", severity: .warning, source: "RSS Best Practices Profile, https://www.rssboard.org/rss-profile",
    summary: "Show notes carry no scripts, frames, event handlers or relative links.")
  public static let output = Rule(
    id: "PUB-OUTPUT", severity: .error, source: "Podium (docs/safety.md)",
    summary: "Every text written into a feed can be carried by XML.")

  public static let recordRecovered = Rule(
    id: "PUB-RECORD-REBUILT", severity: .warning, source: "Podium (docs/safety.md)",
    summary: "A missing publication record is rebuilt from the feeds in the output folder.")
  public static let firstBuild = Rule(
    id: "PUB-FIRST-BUILD", severity: .info, source: "Podium (docs/safety.md)",
    summary: "A build with no publication record and no earlier feeds says it is the first.")
  public static let outputPlace = Rule(
    id: "PUB-OUTPUT-PLACE", severity: .error, source: "Podium (docs/safety.md)",
    summary: "The output is not /, the home folder, the current folder or its ancestor, or overlapping the catalogue.")
  public static let outputForeign = Rule(
    id: "PUB-OUTPUT-FOREIGN", severity: .error, source: "Podium (docs/safety.md)",
    summary: "The output folder is new, empty, or an earlier Podium output holding nothing else.")
  public static let outputRepaired = Rule(
    id: "PUB-OUTPUT-REPAIRED", severity: .warning, source: "Podium (docs/safety.md)",
    summary: "A build stopped while putting its output in place is undone by the next build.")
  public static let cache = Rule(
    id: "PUB-CACHE", severity: .info, source: "Podium (docs/architecture.md)",
    summary: "A build cache that can't be read is ignored, and the build does all of its work.")

  /// Every rule above but the feed rules'.
  public static let all: [Rule] = [
    guidChanged, enclosureChanged, removed, feedMoved, podcastGUIDChanged, record, recordRecovered, firstBuild, output,
    outputPlace, outputForeign, outputRepaired, cache,
  ]

  /// The feed rules among those above, which `all` leaves to the feed rules' list.
  public static let sharedWithFeed: [Rule] = [notesHTML]
}
