/// What a show publishes (`podcast:medium`).
public enum Medium: String, Sendable, Hashable, Codable, CaseIterable {
  case podcast, video
}

/// `itunes:type`: episodic shows list newest first, serial shows are heard in order.
public enum ShowType: String, Sendable, Hashable, Codable, CaseIterable {
  case episodic, serial
}

/// `itunes:episodeType`.
public enum EpisodeType: String, Sendable, Hashable, Codable, CaseIterable {
  case full, trailer, bonus
}

/// Where an episode stands at a given moment.
public enum EpisodeStatus: String, Sendable, Hashable, Codable {
  case draft, scheduled, published
}
