import DockerClient
import Foundation
import Testing

/// Issue 16: ports and probes use the host of the engine a service runs on. api publishes
/// `apiPort` inside box-b's namespace only, so an answer proves the check went to box-b.
extension MultiEngineOnEngineTests {
    /// api's probe and its port's auth check went to box-b's address and were answered there;
    /// nothing listens on that port on this machine's loopback.
    static func checkReachedAtBoxB(_ api: [String: Any]?) throws {
        #expect(!PortProbe.connects(apiPort, 250), "port \(apiPort) answers on this machine: the check below would prove nothing")
        let probe = api?["probe"] as? [String: Any]
        #expect(probe?["outcome"] as? String == "passed", "\(String(describing: probe))")
        let port = (api?["ports"] as? [[String: Any]])?.first { $0["host"] as? Int == apiPort }
        let auth = (port?["exposure"] as? [String: Any])?["auth"] as? [String: Any]
        #expect(auth?["status"] is Int, "box-b's port answered an unauthenticated GET: \(String(describing: auth))")
    }
}
