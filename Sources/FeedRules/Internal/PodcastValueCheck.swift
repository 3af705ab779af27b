import Foundation
import PodcastVocabulary
import Diagnostics
import PodiumXML

/// Checks the value of one `podcast:` element against what its tag allows.
struct PodcastValueCheck {
  typealias Rules = PodcastValueRules
  let element: XMLElement
  /// The seconds of the item's `itunes:duration`, for the soundbites in it.
  var itemDuration: Double? = nil

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
    case "license" where element.attribute("url") == nil: checkLicense(into: &findings)
    case "transcript": checkTranscript(into: &findings)
    case "chapters": checkChapters(into: &findings)
    case "soundbite": checkSoundbite(into: &findings)
    case "season" where !value.isASCIIDigits:
      findings.add(
        Rules.season,
        "\(tag) \(value.quotedForMessage) is not a whole number; write the season number, and put its name in name=\"…\"",
        at: element)
    case "episode": checkEpisode(into: &findings)
    case "integrity": checkIntegrity(into: &findings)
    case "podping": checkBoolean("usesPodping", Rules.podping, into: &findings)
    case "valueRecipient": checkValueRecipient(into: &findings)
    case "valueTimeSplit": checkValueTimeSplit(into: &findings)
    case "updateFrequency": checkUpdateFrequency(into: &findings)
    default: PodcastStructureCheck(element: element).check(into: &findings)
    }
  }

  /// A UUID, version 5 (the spec's algorithm,
  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/guid.md), in lower-case
  /// hex as the Podcast Index's own validator (https://github.com/skymethod/livewire-validator) wants it.
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

  /// A licence without a url is one of the spec's list, spelt as listed, as SPDX ids are
  /// case-sensitive (https://github.com/Podcastindex-org/podcast-namespace/blob/main/license/licenseslugs.txt).
  /// Anything else is a custom licence, which needs its url.
  private func checkLicense(into findings: inout FindingList) {
    guard Licenses.known[value] == nil else { return }
    let fix =
      Licenses.canonical(value).map { "write it as the spec's list spells it, \($0), or add url=\"…\" pointing to the licence text" }
      ?? "add url=\"…\" pointing to the licence text"
    findings.add(
      PodcastTagRules.requiredAttributes, "\(tag) \(value.quotedForMessage) is not a licence id from the spec's list; \(fix)",
      at: element)
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/integrity.md
  private func checkIntegrity(into findings: inout FindingList) {
    guard let type = element.attribute("type") else { return }
    if type == "sri", let hash = element.attribute("value"), !SubresourceIntegrity.isValid(hash) {
      findings.add(
        Rules.integrity,
        "\(tag) value \(hash.quotedForMessage) is not a Subresource Integrity hash; write sha384- and the base64 "
          + "SHA-384 of the file (openssl dgst -sha384 -binary FILE | openssl base64 -A)",
        at: element)
    } else if type != "sri", type != "pgp-signature" {
      findings.add(
        Rules.integrity,
        "\(tag) type \(type.quotedForMessage) is not one the spec defines; write type=\"sri\" with a Subresource Integrity "
          + "hash such as sha384-…, or type=\"pgp-signature\" with a base64 signature",
        at: element)
    }
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/value-recipient.md:
  /// split is a number of shares, fee a boolean.
  private func checkValueRecipient(into findings: inout FindingList) {
    if let split = element.attribute("split"), !split.isPositiveInteger {
      findings.add(
        Rules.value,
        "\(tag) split \(split.quotedForMessage) is not a whole number of shares; write a positive whole number such as split=\"40\"",
        at: element)
    }
    checkBoolean("fee", Rules.value, into: &findings)
    if (element.attribute("customKey") == nil) != (element.attribute("customValue") == nil) {
      findings.add(Rules.value, "\(tag) gives only one of customKey and customValue; give both or neither", at: element)
    }
  }

  /// An attribute that is a boolean, written true or false.
  private func checkBoolean(_ name: String, _ rule: Rule, into findings: inout FindingList) {
    guard let flag = element.attribute(name), flag != "true", flag != "false" else { return }
    findings.add(rule, "\(tag) \(name) \(flag.quotedForMessage) is not a boolean; write true or false", at: element)
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/update-frequency.md
  private func checkUpdateFrequency(into findings: inout FindingList) {
    checkBoolean("complete", Rules.updateFrequency, into: &findings)
    let rule = element.attribute("rrule")
    if let rule, let problem = RecurrenceRule.problem(in: rule) {
      findings.add(
        Rules.updateFrequency,
        "\(tag) rrule \(rule.quotedForMessage) is not an RFC 5545 recurrence rule (\(problem)); write one such as "
          + "rrule=\"FREQ=WEEKLY;BYDAY=MO\"",
        at: element)
    }
    if let start = element.attribute("dtstart") {
      if !W3CDateTime.isValid(start) {
        findings.add(
          Rules.updateFrequency,
          "\(tag) dtstart \(start.quotedForMessage) is not an ISO 8601 date; write it like 2025-01-06T09:00:00Z",
          at: element)
      }
    } else if let rule, RecurrenceRule.hasCount(rule) {
      findings.add(
        Rules.updateFrequency,
        "\(tag) has a COUNT in its rrule but no dtstart; add dtstart=\"…\" with the date the count starts from",
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
    guard let start = seconds("startTime", Rules.soundbite, into: &findings),
      let duration = seconds("duration", Rules.soundbite, into: &findings)
    else { return }
    if duration <= 0 {
      findings.add(Rules.soundbite, "\(tag) duration is 0; give the soundbite's length in seconds", at: element)
    } else if let itemDuration, start + duration > itemDuration + 1 {
      findings.add(
        Rules.soundbite,
        "\(tag) ends at \(start + duration) s, after the episode's \(String(format: "%.0f", itemDuration)) s; move it or "
          + "shorten it",
        at: element)
    }
  }

  /// An attribute that is a number of seconds, not negative: reported when it is anything else.
  private func seconds(_ name: String, _ rule: Rule, into findings: inout FindingList) -> Double? {
    guard let number = element.attribute(name) else { return nil }
    guard let value = Double(number), value.isFinite, !number.hasPrefix("-") else {
      findings.add(rule, "\(tag) \(name) \(number.quotedForMessage) is not a number of seconds; write it like 73.5", at: element)
      return nil
    }
    return value
  }

  /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/value-time-split.md
  private func checkValueTimeSplit(into findings: inout FindingList) {
    for name in ["startTime", "duration", "remoteStartTime"] { _ = seconds(name, Rules.value, into: &findings) }
    if let percentage = element.attribute("remotePercentage"), Int(percentage).map({ (0...100).contains($0) }) != true {
      findings.add(
        Rules.value, "\(tag) remotePercentage \(percentage.quotedForMessage) is not a whole number from 0 to 100; write one",
        at: element)
    }
    let recipients = element.children.filter { $0.name == "valueRecipient" }.count
    let remote = element.children.filter { $0.name == "remoteItem" }.count
    if (recipients == 0) == (remote == 0) || remote > 1 {
      findings.add(
        Rules.value,
        "\(tag) must hold either <podcast:valueRecipient>s or exactly one <podcast:remoteItem>; keep one kind",
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
