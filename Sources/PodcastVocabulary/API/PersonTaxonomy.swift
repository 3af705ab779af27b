/// The Podcasting 2.0 person taxonomy
/// (https://github.com/Podcastindex-org/podcast-namespace/blob/main/taxonomy.json): groups and
/// their roles. Compared case-insensitively, written in lower case.
public enum PersonTaxonomy {
  public static let groups: [String: [String]] = [
    "creative direction": [
      "director", "assistant director", "executive producer", "senior producer", "producer", "associate producer",
      "development producer", "creative director",
    ],
    "cast": ["host", "co-host", "guest host", "guest", "voice actor", "narrator", "announcer", "reporter"],
    "writing": [
      "author", "editorial director", "co-writer", "writer", "songwriter", "guest writer", "story editor",
      "managing editor", "script editor", "script coordinator", "researcher", "editor", "fact checker", "translator",
      "transcriber", "logger",
    ],
    "audio production": [
      "studio coordinator", "technical director", "technical manager", "audio engineer", "remote recording engineer",
      "post production engineer",
    ],
    "audio post-production": [
      "audio editor", "sound designer", "foley artist", "composer", "theme music", "music production",
      "music contributor",
    ],
    "administration": [
      "production coordinator", "booking coordinator", "production assistant", "content manager", "marketing manager",
      "sales representative", "sales manager",
    ],
    "visuals": ["graphic designer", "cover art designer"],
    "community": ["social media manager"],
    "misc.": ["consultant", "intern"],
    "video production": ["camera operator", "lighting designer", "camera grip", "assistant camera"],
    "video post-production": ["editor", "assistant editor"],
  ]

  /// The group a role belongs to by default (the first group that lists it).
  public static func defaultGroup(forRole role: String) -> String? {
    let role = role.lowercased()
    let order = [
      "cast", "creative direction", "writing", "audio production", "audio post-production", "administration",
      "visuals", "community", "misc.", "video production", "video post-production",
    ]
    return order.first { groups[$0]?.contains(role) == true }
  }

  public static func isValid(role: String, group: String) -> Bool {
    groups[group.lowercased()]?.contains(role.lowercased()) == true
  }

  public static let allRoles: [String] = Array(Set(groups.values.joined())).sorted()
}
