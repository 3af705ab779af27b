import Catalogue
import Foundation

extension Publisher {
  /// The catalogue as `podium list` shows it (``CatalogueLoader/listing``). With a ``cache``, the
  /// episode files its per-episode layer holds unchanged are taken from it, as `validate` takes
  /// them: read only, nothing stored, and only what a list shows of each (``EpisodeFacts``).
  public func loadForListing() -> LoadResult {
    var loader = CatalogueLoader(root: catalogueURL)
    loader.listing = true
    loader.reuse = readOnlyEpisodeCache()
    let loaded = loader.load()
    // A show that loaded but whose folder could not be listed has the checks across the
    // catalogue run for it (`podium list`), which need whole episodes: read every file then.
    guard loader.reuse != nil, let catalogue = loaded.catalogue,
      catalogue.shows.contains(where: { loaded.gaps.unloaded.contains($0.slug) })
    else { return loaded }
    loader.reuse = nil
    return loader.load()
  }

  /// The cache's per-episode layer, to take readings from and store none (`validate`, `list`);
  /// `nil` without a cache, or when the layer's folder isn't there: the catalogue is then not
  /// walked for stamps no reading could match.
  func readOnlyEpisodeCache() -> EpisodeCache? {
    guard let cache else { return nil }
    var info = stat()
    guard lstat(cache.folder.appendingPathComponent(EpisodeCache.folderName).path, &info) == 0 else { return nil }
    return TreeFingerprint.of(catalogueURL, changeTimes: true, stamps: true)?.stamps.map {
      EpisodeCache(cache: cache, catalogue: catalogueURL, stamps: $0, readOnly: true)
    }
  }
}
