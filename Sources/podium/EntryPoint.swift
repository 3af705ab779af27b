import PodiumCLI

@main enum EntryPoint {
  static func main() { Podium.main() }
}
