import DockerClient
import Foundation
import LabCatalog
@testable import LabModel
import Testing

/// The one rule for where this machine reaches an engine's published port (issue 16): each
/// endpoint kind, and a binding to one address winning over the engine's host.
struct PortAddressTests {
    static func address(_ endpoint: String, _ hostIP: String) throws -> PortAddress {
        PortAddress.of(endpoint: try DockerEndpoint.parse(endpoint), boundTo: hostIP, engine: "box")
    }

    @Test func aLocalSocketsPortsAreOnThisMachine() throws {
        for all in ["", "0.0.0.0", "::"] { #expect(try Self.address("unix:///var/run/docker.sock", all) == .host("127.0.0.1")) }
        #expect(try Self.address("unix:///var/run/docker.sock", "127.0.0.1") == .host("127.0.0.1"))
        #expect(try Self.address("unix:///var/run/docker.sock", "::1") == .host("::1"))
        #expect(try Self.address("unix:///var/run/docker.sock", "192.168.1.5") == .host("192.168.1.5"))
        // tcp or ssh to loopback is this machine too.
        #expect(try Self.address("tcp://127.0.0.1:2375", "0.0.0.0") == .host("127.0.0.1"))
        #expect(try Self.address("tcp://localhost:2375", "127.0.0.1") == .host("127.0.0.1"))
        #expect(try Self.address("ssh://me@localhost", "") == .host("127.0.0.1"))
    }

    @Test func aTCPEnginesPortsAreOnItsHost() throws {
        for all in ["", "0.0.0.0", "::"] { #expect(try Self.address("tcp://10.0.0.7:2376", all) == .host("10.0.0.7")) }
        #expect(try Self.address("tcp://gpu.lan:2376", "0.0.0.0") == .host("gpu.lan"))
        #expect(try Self.address("tcp://[fd00::7]:2376", "") == .host("fd00::7"))
    }

    @Test func anSSHEnginesPortsAreOnItsHost() throws {
        #expect(try Self.address("ssh://lab@box", "0.0.0.0") == .host("box"))
        #expect(try Self.address("ssh://lab@10.0.0.9:2222/var/run/docker.sock", "") == .host("10.0.0.9"))
    }

    @Test func aBindingToOneAddressWins() throws {
        #expect(try Self.address("tcp://10.0.0.7:2376", "10.0.0.70") == .host("10.0.0.70"))
        #expect(try Self.address("ssh://lab@box", "192.168.7.2") == .host("192.168.7.2"))
    }

    @Test func loopbackOnARemoteEngineIsNotAskedHere() throws {
        for loopback in ["127.0.0.1", "127.0.1.1", "::1"] {
            let address = try Self.address("tcp://10.0.0.7:2376", loopback)
            #expect(address == .unreachable("bound to loopback on remote engine box"))
            #expect(address.host == nil)
        }
        #expect(try Self.address("ssh://lab@box", "127.0.0.1").reason == "bound to loopback on remote engine box")
    }

    @Test func aSnapshotAsksTheEngineEachServiceIsOn() throws {
        var local = EngineInfo(endpoint: "unix:///var/run/docker.sock", reachable: true)
        local.name = "default"
        var gpu = EngineInfo(endpoint: "tcp://10.0.0.7:2376", reachable: true)
        gpu.name = "gpu"
        let catalog = try Fixtures.catalog()
        let snapshot = LabSnapshot(catalog: catalog, engines: [local, gpu], containers: [])
        #expect(snapshot.portAddress(engine: "gpu", boundTo: "0.0.0.0") == .host("10.0.0.7"))
        #expect(snapshot.portAddress(engine: "default", boundTo: "0.0.0.0") == .host("127.0.0.1"))
        #expect(snapshot.portAddress(engine: nil, boundTo: "") == .host("127.0.0.1"))  // the default (first) engine
        #expect(snapshot.portAddress(engine: "elsewhere", boundTo: "").reason == "engine elsewhere is not watched")
        // One engine (no `engines`): the lab's engine.
        let one = LabSnapshot(catalog: catalog, engine: EngineInfo(endpoint: "ssh://lab@box", reachable: true), containers: [])
        #expect(one.portAddress(engine: nil, boundTo: "") == .host("box"))
        let odd = LabSnapshot(catalog: catalog, engine: EngineInfo(endpoint: "", reachable: true), containers: [])
        #expect(odd.portAddress(engine: nil, boundTo: "").host == nil)
    }
}
