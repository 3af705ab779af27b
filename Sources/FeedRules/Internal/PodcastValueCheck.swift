import PodcastVocabulary
import Diagnostics
import PodiumXML

/// Checks the value of one `podcast:` element against what its tag allows.
struct PodcastValueCheck {
  typealias Rules = PodcastValueRules
  let element: XMLElement

  private var value: String { element.trimmedText }
  private var tag: String { "<podcast:\(element.name)>" }

  func check(into findings: inout FindingList) {
    switch element.name {
    case "guid": checkGUID(into: &findings)
    case "locked": checkYesNo(Rules.locked, into: &findings)
    case "block": checkBlock(into: &findings)
    case "medium" where !PodcastNamespaceValues.media.contains(value):
      findings.add(
        Rules.medium,
        "\(tag) \(value.quotedForMessage) is not a medium the spec lists; use podcast, music, video, film, audiobook, newsletter, blog, publisher or course",
        at: element)
    case "person": checkPerson(into: &findings)
    case "location": checkLocation(into: &findings)
    case "license" where element.attribute("url") == nil && Licenses.canonical(value) == nil:
      findings.add(
        PodcastTagRules.requiredAttributes,
        "\(tag) \(value.quotedForMessage) is not a licence from the spec's list; add url=\"…\" pointing to the licence text",
        at: element)
    case "transcript": checkTranscript(into: &findings)
    case "chapters": checkChapters(into: &findings)
    case "soundbite": checkSoundbite(into: &findings)
    case "season" where !value.isASCIIDigits:
      findings.add(
        Rules.season,
        "\(tag) \(value.quotedForMessage) is not a whole number; write the season number, and put its name in name=\"…\"",
        at: element)
    case "episode": checkEpisode(into: &findings)
    default: PodcastStructureCheck(element: element).check(into: &findings)
    }
  }

  /// A UUID in lower-case hex, version 5 (the spec's algorithm); feed-rules §4.1, §15 C18.
  private func checkGUID(into findings: inout FindingList) {
    let groups = value.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
    let hex = value.utf8.filter { $0 != UInt8(ascii: "-") }
    guard groups == [8, 4, 4, 4, 12],
      hex.allSatisfy({ $0.isASCIIDigit || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) })
    else {
      return findings.add(
        Rules.guidFormat,
        "\(tag) \(value.quotedForMessage) is not a UUID; use the UUIDv5 of the feed URL, as the podcast namespace describes",
        at: element)
    }
    if value != value.lowercased() {
      findings.add(Rules.guidFormat, "\(tag) is written in upper case; write the UUID in lower case", at: element)
    }
    if hex[12] != UInt8(ascii: "5") {
      findings.add(
        Rules.guidFormat,
        "\(tag) is a version \(Character(Unicode.Scalar(hex[12]))) UUID, not version 5; use the UUIDv5 of the feed URL, computed once and kept",
        at: element)
    }
  }

  private func checkYesNo(_ rule: Rule, into findings: inout FindingList) {
    guard value != "yes", value != "no" else { return }
    findings.add(rule, "\(tag) \(value.quotedForMessage) is not yes or no; write yes or no in lower case", at: element)
  }

  private func checkBlock(into findings: inout FindingList) {
    checkYesNo(Rules.block, into: &findings)
    if let id = element.attribute("id"), !PodcastNamespaceValues.serviceSlugs.contains(id) {
      findings.add(
        Rules.block,
        "\(tag) id \(id.quotedForMessage) is not a service slug from the spec's list; use one such as apple or spotify",
        at: element)
    }
  }

  private func checkPerson(into findings: inout FindingList) {
    if value.isEmpty {
      findings.add(Rules.person, "\(tag) is empty; write the person's name as its text", at: element)
    }
    let group = element.attribute("group")?.lowercased() ?? "cast"
    let role = element.attribute("role")?.lowercased() ?? "host"
    guard let roles = PersonTaxonomy.groups[group].map(Set.init) else {
      return findings.add(
        Rules.person,
        "\(tag) group \(group.quotedForMessage) is not in the podcast taxonomy; use one such as cast, writing or audio production",
        at: element)
    }
    if !roles.contains(role) {
      let fix =
        PersonTaxonomy.allRoles.contains(role)
        ? "set the group that role belongs to" : "use a role from the taxonomy, such as host or guest"
      findings.add(
        Rules.person,
        "\(tag) role \(role.quotedForMessage) is not a role of the group \(group.quotedForMessage); \(fix)", at: element
      )
    }
  }

  private func checkLocation(into findings: inout FindingList) {
    if value.isEmpty {
      findings.add(Rules.location, "\(tag) is empty; write a human-readable place name as its text", at: element)
    }
    if let rel = element.attribute("rel"), rel != "subject", rel != "creator" {
      findings.add(
        Rules.location, "\(tag) rel \(rel.quotedForMessage) is neither subject nor creator; use one of those",
        at: element)
    }
    if let geo = element.attribute("geo"), !geo.lowercased().hasPrefix("geo:") {
      findings.add(
        Rules.location, "\(tag) geo \(geo.quotedForMessage) is not a geo URI; write it like geo:30.2672,-97.7431",
        at: element)
    }
    if let country = element.attribute("country"), country.count != 2 || !country.utf8.allSatisfy(\.isASCIILetter) {
      findings.add(
        Rules.location,
        "\(tag) country \(country.quotedForMessage) is not an ISO 3166 two-letter code; write one such as US or NL",
        at: element)
    }
  }

  private func checkTranscript(into findings: inout FindingList) {
    if let type = element.attribute("type"), !type.contains("/") {
      findings.add(
        Rules.transcript,
        "\(tag) type \(type.quotedForMessage) is not a MIME type; use one such as text/vtt or application/x-subrip",
        at: element)
    }
    if let rel = element.attribute("rel"), rel != "captions" {
      findings.add(
        Rules.transcript,
        "\(tag) rel \(rel.quotedForMessage) is not a value the spec defines; use rel=\"captions\" for timed captions or leave it out",
        at: element)
    }
  }

  private func checkChapters(into findings: inout FindingList) {
    guard let type = element.attribute("type"), type != "application/json+chapters" else { return }
    findings.add(
      Rules.chapters,
      "\(tag) type \(type.quotedForMessage) is not the chapters type; write type=\"application/json+chapters\"",
      at: element)
  }

  private func checkSoundbite(into findings: inout FindingList) {
    for name in ["startTime", "duration"] {
      guard let number = element.attribute(name), Double(number) == nil || number.hasPrefix("-") else { continue }
      findings.add(
        Rules.soundbite, "\(tag) \(name) \(number.quotedForMessage) is not a number of seconds; write it like 73.5",
        at: element)
    }
  }

  private func checkEpisode(into findings: inout FindingList) {
    if Double(value) == nil || value.hasPrefix("-") {
      findings.add(
        Rules.episode,
        "\(tag) \(value.quotedForMessage) is not a number; write the episode number, and put other labels in display=\"…\"",
        at: element)
    }
    if let display = element.attribute("display"), display.count > 32 {
      findings.add(
        Rules.episode, "\(tag) display is \(display.count) characters, over the spec's limit of 32; shorten it",
        at: element)
    }
  }
}
