import PodcastVocabulary
import Diagnostics
import PodiumXML

/// `<itunes:category text="…">`: present, and spelt exactly as in Apple's list, with an
/// optional nested subcategory of that same category.
struct CategoryRules: FeedCheck {
  static let category = Rule(
    id: "APPLE-CH-CATEGORY", severity: .error, source: Source.apple,
    summary: "The show has an <itunes:category> from Apple's list, spelt exactly, with an optional subcategory.")

  static var rules: [Rule] { [category] }

  func check(_ feed: Feed, into findings: inout FindingList) {
    guard let channel = feed.channel else { return }
    let categories = channel.all("itunes:category")
    if categories.isEmpty {
      findings.add(
        Self.category,
        "the show has no <itunes:category>; add one from Apple's list, e.g. <itunes:category text=\"Technology\"/>",
        at: channel.element)
    }
    for category in categories { checkTopLevel(category, into: &findings) }
  }

  private func checkTopLevel(_ element: XMLElement, into findings: inout FindingList) {
    guard let text = element.attribute("text") else {
      findings.add(
        Self.category, "<itunes:category> has no text attribute; write the category as text=\"…\"", at: element)
      return
    }
    let subcategories = FeedNode(element).all("itunes:category")
    if let allowed = AppleCategories.byName[text] {
      for subcategory in subcategories {
        checkSubcategory(subcategory, parent: text, allowed: allowed, into: &findings)
      }
      return
    }
    if let parent = AppleCategories.parentOfSubcategory[text] {
      findings.add(
        Self.category,
        "'\(text)' is a subcategory of '\(parent)'; nest it as <itunes:category text=\"\(parent)\"><itunes:category text=\"\(text)\"/></itunes:category>",
        at: element)
    } else if AppleCategories.obsolete[text] != nil {
      findings.add(
        Self.category,
        "'\(text)' is a category Apple retired in 2019; pick one from the current list, e.g. \(Self.suggestion(for: text))",
        at: element, severity: .warning)
    } else {
      findings.add(
        Self.category, unknownMessage(text, among: Array(AppleCategories.byName.keys), level: "category"), at: element)
    }
  }

  private func checkSubcategory(
    _ element: XMLElement, parent: String, allowed: Set<String>, into findings: inout FindingList
  ) {
    if let nested = FeedNode(element).first("itunes:category") {
      findings.add(
        Self.category, "categories nest only one level deep; move this <itunes:category> out of its subcategory",
        at: nested)
    }
    guard let text = element.attribute("text") else {
      findings.add(Self.category, "the subcategory has no text attribute; write it as text=\"…\"", at: element)
      return
    }
    if allowed.contains(text) { return }
    if text == "How-To", parent == "Education" {
      findings.add(
        Self.category, "'How-To' is the Podcast Index spelling; Apple's subcategory is 'How To', with a space",
        at: element, severity: .warning)
    } else if AppleCategories.obsolete[parent]?.contains(text) == true {
      findings.add(
        Self.category,
        "'\(parent) > \(text)' is a subcategory Apple retired in 2019; pick a current one of '\(parent)' or another category",
        at: element, severity: .warning)
    } else if let realParent = AppleCategories.parentOfSubcategory[text] {
      findings.add(
        Self.category,
        "'\(text)' belongs under '\(realParent)', not '\(parent)'; nest it in <itunes:category text=\"\(realParent)\">",
        at: element)
    } else {
      findings.add(
        Self.category, unknownMessage(text, among: Array(allowed), level: "subcategory of '\(parent)'"), at: element)
    }
  }

  /// Names the right spelling when only case or `&amp;` spacing differ, as Apple is case-sensitive.
  private func unknownMessage(_ text: String, among names: [String], level: String) -> String {
    if let match = names.first(where: { $0.lowercased() == text.lowercased() }) {
      return
        "'\(text)' is not spelt as Apple's \(level) '\(match)'; write it exactly so, as category names are case-sensitive"
    }
    // The "did you mean" the catalogue gave before this rule became the one check of categories.
    let spelt = text.replacingOccurrences(of: " and ", with: " & ")
    if let close = names.first(where: { $0.lowercased() == spelt.lowercased() }) ?? Suggestion.closest(to: text, in: names.sorted()) {
      return "'\(text)' is not an Apple Podcasts \(level) — did you mean '\(close)'?"
    }
    return "'\(text)' is not an Apple Podcasts \(level); use a name from Apple's category list exactly"
  }

  private static func suggestion(for obsolete: String) -> String {
    let replacements = [
      "Games & Hobbies": "Leisure", "Government & Organizations": "Government", "Health": "Health & Fitness",
      "News & Politics": "News", "Science & Medicine": "Science", "Sports & Recreation": "Sports",
    ]
    return "'\(replacements[obsolete] ?? "Technology")'"
  }
}
