public import Diagnostics

extension LinkResult {
  /// What is wrong with this URL, each finding placed where the catalogue declares it
  /// (or at the URL itself when no location was given).
  public var findings: [Finding] {
    let location = request.location ?? SourceLocation(file: request.url)
    var messages: [(Rule, String)] = []
    if let downgrade = redirects.firstDowngrade {
      messages.append((LinkRules.httpsDowngrade, downgradeMessage(downgrade)))
    }
    if let error {
      messages += errorMessages(error)
    } else {
      messages += serverMessages()
    }
    if let redirect = redirectMessage() { messages.append((LinkRules.redirect, redirect)) }
    if let slow = slowMessage() { messages.append((LinkRules.slow, slow)) }
    return messages.map { rule, message in rule.finding(message, at: location) }
  }
}
