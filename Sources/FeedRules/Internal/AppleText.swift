import Diagnostics
import PodiumXML

/// Apple's limit on descriptions: 4000 bytes of UTF-8 text content.
enum AppleText {
  static let descriptionLimit = 4000

  static func checkDescription(
    _ description: XMLElement, rule: Rule, owner: String, into findings: inout FindingList, checkEmpty: Bool = true
  ) {
    let bytes = description.text.utf8.count
    if checkEmpty, description.trimmedText.isEmpty {
      findings.add(
        rule, "the \(owner)'s <description> is empty; describe the \(owner) in a few sentences", at: description)
    } else if bytes > descriptionLimit {
      findings.add(
        rule, "the \(owner)'s <description> is \(bytes) bytes, over Apple's limit of \(descriptionLimit); shorten it",
        at: description)
    }
  }
}
