/// The fields of an ``Episode`` that most episodes leave unset, which it keeps out of line in one
/// box (docs/performance.md); read and set them through the episode's properties of the same names.
struct EpisodeExtras: Sendable, Hashable {
  var external: ExternalVideo? = nil
  var alternates: [AlternateEnclosure] = []
  var poster: Poster? = nil
  var persons: [Person]? = nil
  var location: Location? = nil
  var license: License? = nil
  var funding: [Funding] = []
  var podcasting = EpisodePodcasting()
}
