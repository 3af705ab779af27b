import Foundation

/// An exclusive lock on building into one output folder, held from before the publication record
/// is read until the new output is swapped in, so two builds can't both start from the same
/// record and lose each other's entries.
///
/// It is a `flock` on the output's parent folder: that folder outlives every swap of the output
/// (a lock inside the output would move away with it), and locking it leaves no file behind.
/// Builds into sibling folders therefore also take turns, which costs nothing but a wait.
public final class OutputLock: @unchecked Sendable {
  private let descriptor: Int32

  /// Takes the lock, waiting for another build that holds it. The output's parent folder must
  /// exist: a build makes it only when it starts staging, and locks it then.
  ///
  /// - Parameter waiting: called once before waiting, with the other build's process id when
  ///   the system tells it (Linux's /proc/locks).
  public init(for folder: URL, waiting: (Int32?) -> Void) throws {
    let parent = folder.deletingLastPathComponent()
    descriptor = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw OutputError(.io(path: parent.path, detail: String(cString: strerror(errno)))) }
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
    guard errno == EWOULDBLOCK else { throw lockFailure(parent) }
    waiting(holder())
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw lockFailure(parent) }
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  private func lockFailure(_ parent: URL) -> OutputError {
    let reason = String(cString: strerror(errno))
    close(descriptor)
    return OutputError(.io(path: parent.path, detail: "cannot lock it for the build: \(reason)"))
  }

  /// The process holding a `flock` on the folder, from /proc/locks, whose lines read
  /// `1: FLOCK  ADVISORY  WRITE 4242 08:01:131 0 EOF` (waiters are marked `->`).
  private func holder() -> Int32? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
    else { return nil }
    for line in locks.split(separator: "\n") where !line.contains("->") {
      let fields = line.split(separator: " ")
      guard fields.count >= 6, fields[1] == "FLOCK", let inode = fields[5].split(separator: ":").last,
        UInt64(inode) == UInt64(status.st_ino), let pid = Int32(fields[4])
      else { continue }
      return pid
    }
    return nil
  }
}
