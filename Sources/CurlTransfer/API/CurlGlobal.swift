internal import CCurl

/// libcurl's process-wide set-up, done once on first use. A Swift global is initialised lazily
/// and exactly once, even across threads, which is what `curl_global_init` requires.
public enum CurlGlobal {
  private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

  /// Whether libcurl is ready; false only if its global set-up failed (out of memory, broken TLS library).
  public static var isReady: Bool { initialised }
}
