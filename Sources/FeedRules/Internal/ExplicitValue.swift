import Diagnostics
import PodiumXML

/// `itunes:explicit`: Apple reads `true` and `false` (https://help.apple.com/itc/podcasts_connect/#/itcb54353390).
/// The older `yes`, `no` and `clean` still work in most apps, so they get a warning; anything
/// else is an error.
enum ExplicitValue {
  static func check(_ element: XMLElement, rule: Rule, into findings: inout FindingList) {
    let value = element.trimmedText
    if value == "true" || value == "false" { return }
    let lowered = value.lowercased()
    let written = "<itunes:explicit> \(value.quotedForMessage)"
    if lowered == "true" || lowered == "false" {
      findings.add(rule, "\(written) is not lower case; write \(lowered)", at: element, severity: .warning)
    } else if ["yes", "no", "clean"].contains(lowered) {
      let fix = lowered == "yes" ? "true" : "false"
      findings.add(
        rule, "\(written) is an old form Apple no longer documents; write \(fix)", at: element, severity: .warning)
    } else {
      findings.add(rule, "\(written) is not a value apps read; write true or false", at: element, severity: .error)
    }
  }
}
