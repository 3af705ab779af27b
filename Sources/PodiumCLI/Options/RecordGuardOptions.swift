import ArgumentParser
import Catalogue
import Publisher

/// What `build` and `publish` may change of what is already published, which the publication
/// record otherwise refuses.
struct RecordGuardOptions: ParsableArguments {
  @Flag(help: "Let a published episode get a new GUID (apps will download it again).")
  var allowGUIDChange = false

  @Flag(help: "Let a published episode get a new media URL.")
  var allowEnclosureChange = false

  @Flag(help: "Let a published episode leave the feed, or a published show lose its feed.")
  var allowRemoval = false

  @Flag(help: "Let a published show's feed move to a new URL; the old URL must redirect (HTTP 301) to it.")
  var allowFeedMove = false

  /// The build's options with these allowances.
  func buildOptions(now: Timestamp, strict: Bool) -> BuildOptions {
    var options = BuildOptions(
      now: now, allowGUIDChange: allowGUIDChange, allowEnclosureChange: allowEnclosureChange, allowRemoval: allowRemoval)
    options.strict = strict
    options.allowFeedMove = allowFeedMove
    return options
  }
}
