/// The namespace URIs, exactly as Apple, Podcasting 2.0 and the validators require them.
public enum Namespaces {
  public static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
  public static let podcast = "https://podcastindex.org/namespace/1.0"
  public static let content = "http://purl.org/rss/1.0/modules/content/"
  public static let atom = "http://www.w3.org/2005/Atom"
}
