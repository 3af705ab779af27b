import Catalogue

extension Publisher {
  /// The catalogue as `podium list` shows it (``CatalogueLoader/listing``). With a ``cache``, the
  /// episode files its per-episode layer holds unchanged are taken from it, as `validate` takes
  /// them: read only, nothing stored.
  public func loadForListing() -> LoadResult {
    var loader = CatalogueLoader(root: catalogueURL)
    loader.listing = true
    loader.reuse = cache.flatMap { cache in
      TreeFingerprint.of(catalogueURL, changeTimes: true, stamps: true).map {
        EpisodeCache(cache: cache, catalogue: catalogueURL, stamps: $0.files, readOnly: true)
      }
    }
    return loader.load()
  }
}
