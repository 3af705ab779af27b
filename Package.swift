// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "podium",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "podium", targets: ["podium"]),
    // The parsers of untrusted input, for the fuzz package in Tests/Fuzz (docs/fuzzing.md). A library
    // product builds nothing by itself, so these cost the main build nothing.
    .library(name: "PodiumXML", targets: ["PodiumXML"]),
    .library(name: "FeedRules", targets: ["FeedRules"]),
    .library(name: "ShowNotes", targets: ["ShowNotes"]),
    .library(name: "Catalogue", targets: ["Catalogue"]),
    .library(name: "MediaProbe", targets: ["MediaProbe"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `podium serve`'s HTTP server: small, no SwiftNIO, so it costs CI little build time.
    .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
  ],
  targets: [
    // C libraries from Debian: module map and pkg-config only.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
    .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
    .target(name: "CPodiumSystem"),

    // Leaf libraries: each knows nothing of catalogues.
    .target(name: "Diagnostics"),
    .target(name: "PodcastVocabulary"),
    .target(name: "Parallel"),
    .target(name: "PodiumXML", dependencies: ["CLibXML2"]),
    .target(name: "ShowNotes", dependencies: ["CCmarkGFM", "PodiumXML"]),
    .target(name: "Identifiers", dependencies: ["CCrypto"]),
    .target(name: "AtomicOutput", dependencies: ["CPodiumSystem", "Parallel"]),
    .target(name: "FeedRules", dependencies: ["Diagnostics", "Identifiers", "Parallel", "PodiumXML", "PodcastVocabulary"]),
    .target(name: "MediaProbe", dependencies: ["Diagnostics"]),
    .target(name: "CurlTransfer", dependencies: ["CCurl"]),
    .target(name: "LinkCheck", dependencies: ["CCurl", "CurlTransfer", "Diagnostics"]),
    .target(name: "ObjectStore", dependencies: ["CurlTransfer", "PodiumXML", "AtomicOutput", "Identifiers"]),

    // The catalogue: model, loading, findings.
    .target(
      name: "Catalogue",
      dependencies: [
        "Diagnostics", "Identifiers", "PodcastVocabulary", "Parallel", "AtomicOutput", "MediaProbe", "PodiumXML", "CYAML",
      ]),

    // Writers and the build pipeline.
    .target(
      name: "FeedWriter",
      dependencies: ["Catalogue", "Diagnostics", "FeedRules", "Identifiers", "MediaProbe", "Parallel", "PodiumXML", "ShowNotes"]),
    .target(
      name: "VideoSite", dependencies: ["Catalogue", "FeedWriter", "MediaProbe", "PodiumXML", "ShowNotes", "Identifiers"],
      // The index's script and style, compiled into the binary so `podium` is one file to install.
      resources: [.embedInCode("Assets/embed.js"), .embedInCode("Assets/embed.css")]),
    .target(
      name: "Publisher",
      dependencies: [
        "Catalogue", "FeedWriter", "FeedRules", "AtomicOutput", "Identifiers", "Diagnostics", "Parallel", "ShowNotes",
        "MediaProbe", "LinkCheck", "VideoSite", "PodiumXML", "CPodiumSystem",
        "ObjectStore", "PodcastVocabulary",
      ]),
    .target(
      name: "Preview",
      dependencies: [
        "Publisher", "Catalogue", "Diagnostics", "PodcastVocabulary", "PodiumXML", "FeedWriter", "VideoSite",
        .product(name: "FlyingFox", package: "FlyingFox")]),

    // `podium import`: an existing podcast's feed into the catalogue (docs/migrating.md).
    .target(
      name: "Importer",
      dependencies: [
        "Catalogue", "Publisher", "PodiumXML", "ShowNotes", "LinkCheck", "CurlTransfer", "Identifiers", "FeedRules",
        "PodcastVocabulary", "Diagnostics", "AtomicOutput", "Parallel", "MediaProbe",
      ]),

    // Command line: the only place that prints or picks exit codes.
    .target(
      name: "PodiumCLI",
      dependencies: [
        "Publisher", "Catalogue", "Diagnostics", "FeedRules", "FeedWriter", "MediaProbe", "Parallel", "LinkCheck", "Preview",
        "ObjectStore", "Importer", "PodiumXML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "podium", dependencies: ["PodiumCLI"]),

    // Tests.
    .target(
      name: "PodiumTestSupport", dependencies: ["Catalogue", "PodiumXML", "CurlTransfer"], path: "Tests/PodiumTestSupport"),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
    .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
    .testTarget(name: "PodiumXMLTests", dependencies: ["PodiumXML", "CLibXML2", "PodiumTestSupport"]),
    .testTarget(name: "ShowNotesTests", dependencies: ["ShowNotes", "PodiumXML"]),
    .testTarget(name: "IdentifiersTests", dependencies: ["Identifiers", "PodiumTestSupport"]),
    .testTarget(name: "AtomicOutputTests", dependencies: ["AtomicOutput", "PodiumTestSupport"]),
    .testTarget(name: "FeedRulesTests", dependencies: ["FeedRules", "PodiumXML", "Diagnostics", "PodiumTestSupport"]),
    .testTarget(
      name: "MediaProbeTests", dependencies: ["MediaProbe", "PodiumTestSupport"],
      exclude: ["Fixtures/make-fixtures.sh"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "VideoSiteTests",
      dependencies: [
        "VideoSite", "Catalogue", "Publisher", "PodiumXML", "FeedRules", "Identifiers", "PodiumTestSupport", "CLibXML2",
      ]),
    .testTarget(
      name: "EmbedBrowserTests",
      dependencies: ["VideoSite", "Catalogue", "FeedWriter", "ShowNotes", "PodiumTestSupport"]),
    .testTarget(name: "LinkCheckTests", dependencies: ["LinkCheck", "PodiumTestSupport"]),
    .testTarget(name: "S3StoreTests", dependencies: ["ObjectStore", "CurlTransfer", "PodiumTestSupport"]),
    .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "MediaProbe", "PodiumTestSupport"]),
    .testTarget(
      name: "FeedWriterTests",
      dependencies: [
        "FeedWriter", "FeedRules", "Catalogue", "MediaProbe", "PodiumXML", "Publisher", "ShowNotes", "PodiumTestSupport",
      ]),
    .testTarget(
      name: "PublisherTests",
      dependencies: [
        "Publisher", "AtomicOutput", "Catalogue", "FeedRules", "PodiumXML", "LinkCheck", "PodiumTestSupport", "ObjectStore",
        "CurlTransfer",
      ]),
    .testTarget(
      name: "ImporterTests",
      dependencies: ["Importer", "Publisher", "Catalogue", "PodiumXML", "Identifiers", "LinkCheck", "PodiumTestSupport"]),
    .testTarget(name: "PreviewTests", dependencies: ["Preview", "Publisher", "Catalogue", "CCurl", "PodiumTestSupport"]),
    .testTarget(
      name: "PodiumCLITests",
      dependencies: ["PodiumCLI", "Publisher", "Catalogue", "FeedRules", "MediaProbe", "LinkCheck", "PodiumTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
