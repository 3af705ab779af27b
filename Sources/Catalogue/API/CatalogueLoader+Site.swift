import Diagnostics

extension CatalogueLoader {
  /// Only `podium.yaml`: the site's settings, for a caller that adds a show and needs the
  /// catalogue's addresses without reading every show (`podium import`, which seeds the
  /// publication record from what it wrote).
  public func loadSite() -> (site: Site?, findings: [Finding]) {
    let collector = FindingCollector(file: "podium.yaml")
    guard let document = SourceFile.readYAML(root.appendingPathComponent("podium.yaml"), collector: collector) else {
      return (nil, collector.findings)
    }
    return (SiteReader.read(document, collector: collector), collector.findings)
  }
}
