import Foundation

/// License ids from the Podcasting 2.0 licence list
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/license/licenseslugs.txt),
/// spelt as listed; a custom license needs a URL instead.
public enum Licenses {
  public static let known: [String: String] = [
    "ARR": "All rights reserved",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "POD-V4V-1.0": "https://podcastindex.org/licenses/v4v",
  ]

  /// The canonical spelling of a known id, compared case-insensitively, for a catalogue, which
  /// writes the listed spelling whatever case it was given in.
  public static func canonical(_ id: String) -> String? {
    known.keys.first { $0.caseInsensitiveCompare(id) == .orderedSame }
  }
}
