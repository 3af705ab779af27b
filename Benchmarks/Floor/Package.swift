// swift-tools-version:6.0
// The floor benchmark: what Podium's mandated libraries (Yams, cmark-gfm, libxml2) cost alone for the
// work of a 10,000-episode build. Standalone on purpose: no Podium code, not part of the main package.
// Run it with Benchmarks/floor.sh.
import PackageDescription

let package = Package(
  name: "floor",
  dependencies: [
    // The Yams Podium resolves (Package.resolved), so the floor measures the same code.
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CMalloc"),
    .executableTarget(
      name: "floor", dependencies: ["CLibXML2", "CCmarkGFM", "CMalloc", .product(name: "Yams", package: "Yams")]),
  ],
  swiftLanguageModes: [.v6]
)
