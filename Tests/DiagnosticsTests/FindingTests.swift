import Diagnostics
import Testing

@Suite struct FindingTests {
  @Test func severitiesAreOrdered() {
    #expect(Severity.info < .warning)
    #expect(Severity.warning < .error)
    #expect(Severity.allCases.max() == .error)
  }

  @Test(arguments: [
    (Diagnostics.SourceLocation(file: "a/b.md", line: 3, column: 7), "a/b.md:3:7: error: [CAT-X] broken"),
    (Diagnostics.SourceLocation(file: "a/b.md", line: 3), "a/b.md:3: error: [CAT-X] broken"),
    (Diagnostics.SourceLocation(file: "a/b.md"), "a/b.md: error: [CAT-X] broken"),
  ])
  func printsLikeACompiler(location: Diagnostics.SourceLocation, expected: String) {
    let finding = Finding(severity: .error, ruleID: "CAT-X", message: "broken", location: location)
    #expect(finding.description == expected)
  }

  @Test func reportOrderIsByFileThenLineThenRule() {
    func finding(_ file: String, _ line: Int, _ rule: String) -> Finding {
      Finding(severity: .warning, ruleID: rule, message: "m", location: Diagnostics.SourceLocation(file: file, line: line))
    }
    let findings = [finding("b", 1, "X"), finding("a", 9, "X"), finding("a", 2, "Z"), finding("a", 2, "Y")]
    #expect(findings.sortedForReport() == [finding("a", 2, "Y"), finding("a", 2, "Z"), finding("a", 9, "X"), finding("b", 1, "X")])
    #expect(!findings.containsErrors)
  }

  @Test func aRuleMakesFindingsAtItsSeverity() {
    let rule = Rule(id: "R-1", severity: .info, source: "spec", summary: "s")
    let finding = rule.finding("hello", at: Diagnostics.SourceLocation(file: "f"))
    #expect(finding.severity == .info)
    #expect(finding.ruleID == "R-1")
  }
}
