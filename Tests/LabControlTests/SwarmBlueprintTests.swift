import DockerClient
import Foundation
import LabCatalog
@testable import LabControl
@testable import LabModel
import Testing

/// A component as a Swarm service spec, and the engine's answers about services and tasks.
struct SwarmBlueprintTests {
    @Test func theSpecCarriesPlacementReplicasNetworkMountsPortsAndSecretsAsFiles() throws {
        var component = Component(name: "qdrant", image: "qdrant/qdrant:v1")
        component.environment = [EnvVar(name: "MODE", value: "prod"), EnvVar(name: "API_KEY", value: nil, secret: SecretSpec())]
        component.swarm = SwarmDeploy(replicas: 2, constraints: ["node.labels.gpu == true"])
        var container = ContainerSpec(image: component.image)
        container.env = ["MODE=prod", "API_KEY=s3cret"]
        container.cmd = ["serve"]
        container.hostConfig.binds = ["lab_qdrant-data:/qdrant/storage", "/etc/lab/q.yaml:/q.yaml:ro"]
        container.publish(containerPort: 6333, hostPort: 6333)
        let blueprint = SwarmBlueprint(stack: "lab", component: component, container: container)
        #expect(blueprint.secretValues.map(\.name) == ["lab_API_KEY"] && blueprint.secretValues.map(\.value) == ["s3cret"])
        let spec = blueprint.spec(network: "lab_default", secretIDs: ["lab_API_KEY": "sec1"])
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(spec)) as? [String: Any])
        #expect(json["Name"] as? String == "lab_qdrant")
        #expect((json["Labels"] as? [String: String])?[SwarmState.stackLabel] == "lab")
        #expect((json["Mode"] as? [String: [String: Int]])?["Replicated"]?["Replicas"] == 2)
        let template = try #require(json["TaskTemplate"] as? [String: Any])
        #expect((template["Placement"] as? [String: [String]])?["Constraints"] == ["node.labels.gpu == true"])
        #expect((template["Networks"] as? [[String: Any]])?.first?["Target"] as? String == "lab_default")
        let part = try #require(template["ContainerSpec"] as? [String: Any])
        // The secret's value is in no spec the engine shows: a file under /run/secrets.
        #expect(part["Env"] as? [String] == ["MODE=prod", "API_KEY_FILE=/run/secrets/API_KEY"])
        #expect(!String(decoding: try JSONEncoder().encode(spec), as: UTF8.self).contains("s3cret"))
        #expect((part["Secrets"] as? [[String: Any]])?.first?["SecretID"] as? String == "sec1")
        #expect(part["Args"] as? [String] == ["serve"])
        let mounts = try #require(part["Mounts"] as? [[String: Any]])
        #expect(mounts.map { $0["Type"] as? String } == ["volume", "bind"])
        #expect(mounts[1]["ReadOnly"] as? Bool == true)
        let ports = (json["EndpointSpec"] as? [String: Any])?["Ports"] as? [[String: Any]]
        #expect(ports?.first?["PublishedPort"] as? Int == 6333 && ports?.first?["TargetPort"] as? Int == 6333)
    }

    @Test func servicesAndTasksDecodeFromTheEnginesAnswer() throws {
        let service = try JSONDecoder().decode(SwarmService.self, from: Data("""
            {"ID":"s1","Version":{"Index":31},"Spec":{"Name":"lab_qdrant","Labels":{"com.docker.stack.namespace":"lab"},
             "TaskTemplate":{"ContainerSpec":{"Image":"qdrant/qdrant:v1"},"Placement":{"Constraints":["node.labels.gpu == true"]}},
             "Mode":{"Replicated":{}}}}
            """.utf8))
        #expect(service.version == 31 && service.replicas == 1 && service.constraints == ["node.labels.gpu == true"])
        let global = try JSONDecoder().decode(SwarmService.self, from: Data(#"{"ID":"s2","Spec":{"Name":"g","Mode":{"Global":{}}}}"#.utf8))
        #expect(global.replicas == nil)
        let task = try JSONDecoder().decode(SwarmTask.self, from: Data("""
            {"ID":"t1","ServiceID":"s1","NodeID":"","Slot":1,"DesiredState":"ready",
             "Status":{"Timestamp":"2026-11-27T18:00:00.5Z","State":"pending","Message":"pending task scheduling","Err":"no suitable node"}}
            """.utf8))
        #expect(task.state == "pending" && task.error == "no suitable node" && task.containerID == nil && task.slot == 1)
    }
}
