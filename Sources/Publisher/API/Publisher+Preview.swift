import Catalogue

extension Publisher {
  /// A build, and the catalogue files its feeds and pages name under `media_base_url`, by their
  /// path there (`show/media/a.mp3`): the shows' artwork and the published episodes' media,
  /// alternate enclosures, artwork and posters. They are the files `publish` uploads there, taken
  /// the same way (``PublicationFacts``), so `podium serve` can answer `/media/` with these alone
  /// and keep a draft's or a scheduled episode's files, and files no episode names, private.
  ///
  /// The set is empty when the catalogue did not load.
  public func buildListingMedia() throws -> (report: BuildReport, media: Set<String>) {
    var media: Set<String> = []
    let report = try build { media = Set(PublicationFacts($0, now: options.now).files.map(\.path)) }
    return (report, media)
  }
}
