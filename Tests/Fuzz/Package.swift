// swift-tools-version:6.0
// libFuzzer targets for Podium's parsers of untrusted input: one executable per parser family, built
// with the fuzzer's coverage and AddressSanitizer and run by fuzz.sh (docs/fuzzing.md). A package of
// its own, so the main package's build is unchanged; it uses the main package's library products.
import PackageDescription

let podium = "podium"

let package = Package(
  name: "podium-fuzz",
  dependencies: [.package(name: podium, path: "../..")],
  targets: [
    // libFuzzer's driver, called from each target's own main.
    .target(name: "FuzzDriver", path: "Targets/FuzzDriver"),
    .executableTarget(
      name: "FuzzXML", dependencies: ["FuzzDriver", .product(name: "FeedRules", package: podium)],
      path: "Targets/FuzzXML"),
    .executableTarget(
      name: "FuzzHTML",
      dependencies: [
        "FuzzDriver", .product(name: "PodiumXML", package: podium), .product(name: "ShowNotes", package: podium),
      ],
      path: "Targets/FuzzHTML"),
    .executableTarget(
      name: "FuzzCatalogue", dependencies: ["FuzzDriver", .product(name: "Catalogue", package: podium)],
      path: "Targets/FuzzCatalogue"),
    .executableTarget(
      name: "FuzzCaptions", dependencies: ["FuzzDriver", .product(name: "MediaProbe", package: podium)],
      path: "Targets/FuzzCaptions"),
    .executableTarget(
      name: "FuzzEmbed", dependencies: ["FuzzDriver", .product(name: "MediaProbe", package: podium)],
      path: "Targets/FuzzEmbed"),
    .executableTarget(
      name: "FuzzMedia", dependencies: ["FuzzDriver", .product(name: "MediaProbe", package: podium)],
      path: "Targets/FuzzMedia"),
  ],
  swiftLanguageModes: [.v6]
)
