// swift-tools-version:6.0
// The floor benchmark: what Podium's mandated libraries (libyaml, cmark-gfm, libxml2) cost alone for the
// work of a 10,000-episode build. Standalone on purpose: no Podium code, not part of the main package.
// Run it with Benchmarks/floor.sh.
import PackageDescription

let package = Package(
  name: "floor",
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CMalloc"),
    // Debian's libyaml, as Podium's loader uses it (Sources/CYAML).
    .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .executableTarget(
      name: "floor", dependencies: ["CLibXML2", "CCmarkGFM", "CMalloc", "CYAML"]),
  ],
  swiftLanguageModes: [.v6]
)
