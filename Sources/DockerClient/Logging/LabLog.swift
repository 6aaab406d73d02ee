import Logging
import Synchronization

/// The plain log of `--log FILE` (or `AILAB_LOG=FILE`): engine calls with their timing,
/// reconnects, probes and actions, one line each, through apple/swift-log.
///
/// Off until `start`: then no logger exists, nothing is formatted (messages are autoclosures)
/// and nothing is written; swift-log's own default (a handler on stderr) is never used, since
/// the logger is made with its own factory instead of `LoggingSystem.bootstrap`. Every line
/// passes through the mask given to `start`, so a stored secret never reaches the file.
/// It lives here, the lowest module, because engine calls are made here.
public enum LabLog {
    private static let logger = Mutex<Logger?>(nil)

    /// Opens (appends to) `path` and logs from now on, every line through `mask`.
    public static func start(file path: String, mask: @escaping @Sendable (String) -> String) throws(LogFileError) {
        let file = try LogFile(path: path)
        let made = Logger(label: "ailab") { label in LogFileHandler(label: label, file: file, mask: mask) }
        logger.withLock { $0 = made }
    }

    /// Stops logging and closes the file (tests; a command ends with the process).
    public static func stop() {
        logger.withLock { $0 = nil }
    }

    public static var isOn: Bool { logger.withLock { $0 != nil } }

    public static func info(_ source: String, _ message: @autoclosure () -> String) {
        write(.info, source, message)
    }

    public static func warning(_ source: String, _ message: @autoclosure () -> String) {
        write(.warning, source, message)
    }

    private static func write(_ level: Logger.Level, _ source: String, _ message: () -> String) {
        guard let current = logger.withLock({ $0 }) else { return }
        current.log(level: level, "\(message())", source: source)
    }

    /// "12 ms", "0.4 ms": an engine call's or a probe's time, as read in a log.
    public static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 10 ? "\((ms * 10).rounded() / 10) ms" : "\(Int(ms.rounded())) ms"
    }
}
