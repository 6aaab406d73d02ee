import DockerClient
import Foundation
import LabControl
import LabModel
import Testing

/// Engines by the docker CLI's names, from a temporary DOCKER_CONFIG laid out as the CLI writes it.
struct DockerContextsTests {
    /// A config directory with contexts `gpu` (tcp with TLS files) and `box` (ssh), and
    /// config.json naming `current` as the current context.
    static func makeConfig(current: String? = "gpu") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-ctx-\(UUID().uuidString)").path
        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        if let current { try write(dir + "/config.json", #"{"auths":{},"currentContext":"\#(current)"}"#) }
        let gpu = SHA256.hex("gpu"), box = SHA256.hex("box")
        try write("\(dir)/contexts/meta/\(gpu)/meta.json",
            #"{"Name":"gpu","Metadata":{"Description":""},"Endpoints":{"docker":{"Host":"tcp://10.0.0.7:2376","SkipTLSVerify":false}}}"#)
        for file in ["ca.pem", "cert.pem", "key.pem"] { try write("\(dir)/contexts/tls/\(gpu)/docker/\(file)", "x") }
        try write("\(dir)/contexts/meta/\(box)/meta.json",
            #"{"Name":"box","Metadata":{},"Endpoints":{"docker":{"Host":"ssh://lab@box.lan:2222","SkipTLSVerify":false}}}"#)
        return dir
    }

    @Test func theCurrentContextOfConfigJSONIsTheEngine() throws {
        let dir = try Self.makeConfig()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let targets = try DockerContexts(environment: ["DOCKER_CONFIG": dir]).resolve(requested: [], host: nil)
        #expect(targets.map(\.name) == ["gpu"])
        #expect(targets[0].endpoint == .tcp(host: "10.0.0.7", port: 2376))
        let tlsDir = "\(dir)/contexts/tls/\(SHA256.hex("gpu"))/docker"
        #expect(targets[0].tls == EngineTLS(caFile: tlsDir + "/ca.pem", certFile: tlsDir + "/cert.pem", keyFile: tlsDir + "/key.pem", verify: true))
    }

    @Test func dockerContextOverridesTheConfigAndDockerHostOverridesBoth() throws {
        let dir = try Self.makeConfig()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let byContext = try DockerContexts(environment: ["DOCKER_CONFIG": dir, "DOCKER_CONTEXT": "box"]).resolve(requested: [], host: nil)
        #expect(byContext == [EngineTarget(name: "box", endpoint: .ssh(user: "lab", host: "box.lan", port: 2222, path: nil))])
        let byHost = try DockerContexts(environment: ["DOCKER_CONFIG": dir, "DOCKER_CONTEXT": "box", "DOCKER_HOST": "unix:///tmp/d.sock"])
            .resolve(requested: [], host: nil)
        #expect(byHost == [EngineTarget(name: "default", endpoint: .unix(path: "/tmp/d.sock"))])
        let byFlag = try DockerContexts(environment: ["DOCKER_CONFIG": dir]).resolve(requested: [], host: "tcp://h:1")
        #expect(byFlag == [EngineTarget(name: "default", endpoint: .tcp(host: "h", port: 1))])
    }

    @Test func withoutAnyContextTheDefaultSocket() throws {
        let dir = try Self.makeConfig(current: nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try DockerContexts(environment: ["DOCKER_CONFIG": dir]).resolve(requested: [], host: nil)
            == [EngineTarget(name: "default", endpoint: .defaultSocket)])
    }

    @Test func engineFlagsMixNamesAndAddressesInOrder() throws {
        let dir = try Self.makeConfig()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["DOCKER_CONFIG": dir, "AILAB_SSH_CONFIG": "/tmp/cfg"]
        let targets = try DockerContexts(environment: env).resolve(requested: ["box", "tcp://127.0.0.1:2375", "default"], host: nil)
        #expect(targets.map(\.name) == ["box", "tcp://127.0.0.1:2375", "default"])
        #expect(targets[0].sshConfigFile == "/tmp/cfg")
        #expect(targets[1].tls == nil)
        #expect(throws: DockerError.self) { try DockerContexts(environment: env).resolve(requested: ["box", "box"], host: nil) }
    }

    @Test func anUnknownContextIsNamedWithWhereItWasLookedFor() throws {
        let dir = try Self.makeConfig()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try DockerContexts(environment: ["DOCKER_CONFIG": dir]).resolve(requested: ["nope"], host: nil)
            Issue.record("an unknown context resolved")
        } catch {
            #expect(error.description.contains("nope") && error.description.contains("contexts/meta/\(SHA256.hex("nope"))"))
        }
    }

    @Test func tlsFromTheEnvironmentAsTheCLIReadsIt() throws {
        let env = ["DOCKER_HOST": "tcp://lab:2376", "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/certs", "DOCKER_CONFIG": "/nowhere"]
        let target = try DockerContexts(environment: env).resolve(requested: [], host: nil)[0]
        #expect(target.endpoint == .tcp(host: "lab", port: 2376))
        #expect(target.tls?.verify == true && target.tls?.caFile == "/certs/ca.pem")
        #expect(try DockerContexts(environment: ["DOCKER_HOST": "tcp://lab:2375"]).resolve(requested: [], host: nil)[0].tls == nil)
        // Without a port, TLS means 2376 and plain 2375, as the docker CLI has it.
        #expect(try DockerContexts(environment: ["DOCKER_TLS_VERIFY": "1"]).resolve(requested: ["tcp://lab"], host: nil)[0].endpoint == .tcp(host: "lab", port: 2376))
        #expect(try DockerContexts(environment: [:]).resolve(requested: ["tcp://lab"], host: nil)[0].endpoint == .tcp(host: "lab", port: 2375))
    }
}
