import Catalogue
import Foundation
import PodiumXML
import Publisher

/// A show as the old feed describes it, before it is written.
struct ShowDraft {
  var title = ""
  var description = ""
  var language: String?
  var medium: Medium = .podcast
  var categories: [String] = []
  var explicit = false
  var type: ShowType = .episodic
  var artwork: String?
  var author: String?
  var link: String?
  var keywords: [String] = []
  var persons: [YAMLEmitter.Value] = []
  var funding: [YAMLEmitter.Value] = []
  var license: YAMLEmitter.Value?
  var locked: Bool?
  var ownerName: String?
  var ownerEmail: String?
  var copyright: String?
  var podcastGUID: String?
  var complete = false
  var block = false
  var newFeedURL: String?
  var location: YAMLEmitter.Value?
  /// Words, or a mapping with the rule (docs/catalogue.md, `update_frequency`).
  var updateFrequency: YAMLEmitter.Value?
  var txt: [YAMLEmitter.Value] = []
  var artworkAlt: String?
  var images: [YAMLEmitter.Value] = []
  var podroll: [YAMLEmitter.Value] = []
  var publisher: YAMLEmitter.Value?
  var chat: YAMLEmitter.Value?
  var value: YAMLEmitter.Value?
  var socialInteract: [YAMLEmitter.Value] = []
  var blockedServices: [String] = []
  var live: [YAMLEmitter.Value] = []
  /// What the publication record is seeded with for each of `live`, by GUID, as a build records it.
  var liveRecords: [String: PublicationRecord.LiveItemRecord] = [:]
  /// `podcast:block` without a service (all of them): yes, no, or not given.
  var podcastBlock: Bool?
  /// Read once the artwork and the items are known.
  var imageElements: [XMLElement] = []
  var trailers: [XMLElement] = []
  /// `atom:link rel="self"`: the address the feed gives for itself.
  var selfURL: String?
  var losses: [ImportLoss] = []
  var notes: [String] = []
}

/// A transcript the old feed links to, to fetch.
struct TranscriptLink {
  var url: String
  var type: String
  var language: String?
  var rel: String?
  /// The line of its `podcast:transcript`, for the report.
  var line: Int?
}

/// One item as the old feed describes it, before it is written.
struct EpisodeDraft {
  var line: Int
  var title = ""
  var date = Timestamp(seconds: 0, offset: 0)
  var guid = ""
  /// The GUID was a permalink (`isPermaLink` true or left out, https://www.rssboard.org/rss-specification#ltguidgtSubelementOfLtitemgt).
  var guidIsPermaLink = false
  /// A permalink the catalogue can keep as one (`guid_is_permalink`): an http(s) address.
  var guidIsWebAddress: Bool {
    (guid.hasPrefix("https://") || guid.hasPrefix("http://")) && URL(string: guid)?.host != nil
  }
  var season: Int?
  var number: Int?
  var episodeType: EpisodeType?
  var explicit: Bool?
  var mediaURL = ""
  var mediaLength: Int64 = 0
  var mediaType = ""
  var duration: Int?
  var alternates: [YAMLEmitter.Value] = []
  var summary: String?
  var artwork: String?
  var link: String?
  var transcriptLinks: [TranscriptLink] = []
  var chaptersURL: String?
  var chaptersLine: Int?
  var chapters: [YAMLEmitter.Value] = []
  var persons: [YAMLEmitter.Value]?
  var tags: [String] = []
  var location: YAMLEmitter.Value?
  var license: YAMLEmitter.Value?
  var funding: [YAMLEmitter.Value] = []
  var block = false
  /// The enclosure's `podcast:integrity`, from the alternate that repeats it as the default.
  var mediaIntegrity: String?
  var soundbites: [YAMLEmitter.Value] = []
  var value: YAMLEmitter.Value?
  var socialInteract: [YAMLEmitter.Value] = []
  var contentLinks: [YAMLEmitter.Value] = []
  var images: [YAMLEmitter.Value] = []
  var poster: String?
  var notesHTML = ""
  /// The notes as written below the front matter, from ``NotesConversion``.
  var notesMarkdown = ""
  var losses: [ImportLoss] = []
  var notes: [String] = []
  /// Filled while writing: the transcripts stored in the show folder, as front matter.
  var transcripts: [YAMLEmitter.Value] = []
  /// Where the media was downloaded to, with `--download-media`.
  var localMedia: String?
}
