/// One blocking HTTP request made with `CurlEasy.perform`.
public struct CurlRequest: Sendable {
  public enum Method: String, Sendable {
    case get = "GET"
    case head = "HEAD"
    case put = "PUT"
    case post = "POST"
    case delete = "DELETE"
  }

  public enum Body: Sendable {
    case none
    case bytes([UInt8])
    /// `length` bytes of the file at `path`, from `offset`, read as they are sent.
    case file(path: String, offset: Int64, length: Int64)
  }

  /// Signing by libcurl itself with AWS Signature Version 4 (`CURLOPT_AWS_SIGV4`).
  /// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
  public struct AWSSignature: Sendable {
    public var region: String
    public var service: String
    public var accessKey: String
    public var secretKey: String

    public init(region: String, service: String = "s3", accessKey: String, secretKey: String) {
      self.region = region
      self.service = service
      self.accessKey = accessKey
      self.secretKey = secretKey
    }
  }

  public var method: Method
  /// The full URL, its path and query already percent-encoded as the server must see them
  /// (libcurl 7.88 signs the query as given, without sorting or encoding it).
  public var url: String
  /// Header lines sent as they are; names and values must hold no line breaks.
  public var headers: [(name: String, value: String)]
  public var body: Body
  public var signature: AWSSignature?
  /// Response headers to read back, by name.
  public var responseHeaders: [String]
  /// Body bytes kept; a longer answer is cut off and `overflowed` set.
  public var bodyLimit: Int
  /// Seconds to open a connection.
  public var connectTimeout: Double
  /// Seconds under a kilobyte a second before a stalled transfer is given up.
  public var stallTimeout: Double
  /// Seconds for the whole request, or nil for no limit beyond the stall check (large uploads).
  public var totalTimeout: Double?
  public var userAgent: String

  public init(
    method: Method, url: String, headers: [(name: String, value: String)] = [], body: Body = .none,
    signature: AWSSignature? = nil, responseHeaders: [String] = [], bodyLimit: Int = 1 << 20,
    connectTimeout: Double = 10, stallTimeout: Double = 30, totalTimeout: Double? = 60,
    userAgent: String = "Podium/0.1"
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.signature = signature
    self.responseHeaders = responseHeaders
    self.bodyLimit = bodyLimit
    self.connectTimeout = connectTimeout
    self.stallTimeout = stallTimeout
    self.totalTimeout = totalTimeout
    self.userAgent = userAgent
  }
}
