import Foundation
@testable import LabCatalog
import Testing

/// One test per compose rule the loader follows, each with a fixture written for it.
@Suite struct ComposeRulesTests {
    /// A fresh directory holding `files` (name → text); removed by the caller's `defer`.
    static func folder(_ files: [String: String]) throws -> String { try folder("proj", files) }

    static func folder(_ name: String, _ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-rules-\(UUID())").appendingPathComponent(name)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    static func load(_ dir: String, files: [String] = [], _ environment: [String: String] = [:], profiles: [String] = [], envFiles: [String] = [], name: String? = nil) throws -> ComposeProject {
        try ComposeProject.load(CatalogOptions(
            files: files, projectName: name, profiles: profiles, envFiles: envFiles, environment: environment, workingDirectory: dir))
    }

    static func errors(_ body: () throws -> Void) -> [CatalogDiagnostic] {
        do {
            try body()
            return []
        } catch let error as CatalogError {
            return error.diagnostics
        } catch {
            return [CatalogDiagnostic(file: "?", line: 0, column: 0, path: "", message: "\(error)")]
        }
    }

    @Test func everyInterpolationFormAtLoadFromTheEnvironmentThenDotEnv() throws {
        let dir = try Self.folder([
            "compose.yaml": """
                services:
                  web:
                    image: "${IMAGE-nginx}:${TAG:?a tag is needed}"
                    ports: ["${HOST_PORT:-8080}:80", "${BIND:-127.0.0.1}:${ALT:-${FALLBACK:-9090}}:81"]
                    volumes: ["${DATA_DIR:-.}/data:/data"]
                    environment:
                      PLUS: "${TAG:+tagged}"
                      DOLLAR: "a$$b"
                      MISSING: "${NOPE}x"
                      BLANK: ${NOPE}
                    healthcheck: {test: ["CMD-SHELL", "test $$HOME = /root && echo ${TAG}"]}
                """,
            ".env": "TAG=1.25\nHOST_PORT=3000 # a comment\nFALLBACK=\"7070\"\nEMPTY=\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let project = try Self.load(dir, ["HOST_PORT": "4000"])
        let web = try #require(project.catalog.service(named: "web")).primary
        #expect(web.image == "nginx:1.25")
        // The shell's HOST_PORT wins over .env's; ALT unset falls to the nested default from .env.
        #expect(web.ports == [PortSpec(host: 4000, container: 80), PortSpec(host: 7070, container: 81, hostIP: "127.0.0.1")])
        #expect(web.volumes.first?.source == dir + "/data" && web.volumes.first?.target == "/data")
        #expect(web.healthcheck?.test == ["CMD-SHELL", "test $HOME = /root && echo 1.25"])
        let environment = Dictionary(uniqueKeysWithValues: web.environment.map { ($0.name, $0.value ?? "") })
        // Environment stays compose text for the install's second pass (around secret names): `$$`.
        #expect(environment == ["PLUS": "tagged", "DOLLAR": "a$$b", "MISSING": "x", "BLANK": ""])
        #expect(web.environment.first { $0.name == "BLANK" }?.value == "")  // "", not a name alone
        #expect(project.catalog.warnings.filter { $0.message.contains("NOPE variable is not set") }.count == 1)
    }

    @Test func aRequiredVariableNamesItsFileLineAndColumn() throws {
        let dir = try Self.folder(["compose.yaml": "services:\n  web:\n    image: nginx\n    ports:\n      - \"${PORT:?set PORT}:80\"\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let found = Self.errors { _ = try Self.load(dir) }
        #expect(found.count == 1)
        #expect(found.first?.description == "\(dir)/compose.yaml:5:10: PORT is required: set PORT")
    }

    @Test func envFilesReplaceDotEnvAndLaterOnesWin() throws {
        let dir = try Self.folder([
            "compose.yaml": "services:\n  web: {image: \"app:${TAG}\", ports: [\"${PORT}:80\"]}\n",
            ".env": "TAG=from-dot-env\nPORT=1000\n", "a.env": "TAG=a\nPORT=2000\n", "b.env": "export TAG='b'\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let web = try #require(try Self.load(dir, envFiles: ["a.env", "b.env"]).catalog.services.first).primary
        #expect(web.image == "app:b" && web.ports.first?.host == 2000)
    }

    @Test func theProjectNameFollowsComposesOrder() throws {
        let dir = try Self.folder("My_Lab.Dir", ["compose.yaml": "services:\n  a: {image: x}\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.load(dir).catalog.name == "my_labdir")
        #expect(try Self.load(dir, ["COMPOSE_PROJECT_NAME": "fromenv"]).catalog.name == "fromenv")
        #expect(try Self.load(dir, ["COMPOSE_PROJECT_NAME": "fromenv"], name: "given").catalog.name == "given")
        try "name: declared\nservices:\n  a: {image: x}\n".write(toFile: dir + "/compose.yaml", atomically: true, encoding: .utf8)
        #expect(try Self.load(dir).catalog.name == "declared")
        #expect(try Catalog.builtIn().name == "ailab")
    }

    @Test func profilesLeaveInactiveServicesOutOfTheLabAndOutOfClashes() throws {
        let dir = try Self.folder(["compose.yaml": """
            services:
              app: {image: app, depends_on: [gpu]}
              cpu: {image: ollama, ports: ["11434:11434"], profiles: [cpu]}
              gpu: {image: ollama, ports: ["11434:11434"], profiles: [gpu-nvidia]}
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let none = try Self.load(dir)
        #expect(none.catalog.services.map(\.name) == ["app"])
        #expect(none.catalog.warnings.contains { $0.message.hasPrefix("2 services left out by profiles (cpu, gpu)") })
        let cpu = try Self.load(dir, ["COMPOSE_PROFILES": "cpu"])
        #expect(cpu.catalog.services.map(\.name) == ["app", "cpu"])
        #expect(!cpu.catalog.warnings.contains { $0.message.contains("host port") })
        #expect(try Self.load(dir, profiles: ["*"]).catalog.services.count == 3)
        #expect(try Self.load(dir, profiles: ["gpu-nvidia"]).catalog.services[0].dependencies == ["gpu"])
    }

    @Test func aFileWithThreeErrorsReportsAllThreeInOneRunSorted() throws {
        let dir = try Self.folder(["compose.yaml": """
            services:
              a:
                image: x
                ports: ["99999:80"]
              b:
                image: y
                healthcheck: {test: x, interval: soon}
                x-ailab: {layer: frontend}
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let found = Self.errors { _ = try Self.load(dir) }
        #expect(found.map(\.line) == [4, 7, 8])
        #expect(found.map(\.message).joined().contains("99999"))
        #expect(found.map(\.message).joined().contains("expected a duration"))
        #expect(found.map(\.message).joined().contains("unknown layer 'frontend'"))
    }

    @Test func notAppliedKeysAreGroupedIntoOneLineEach() throws {
        let dir = try Self.folder(["compose.yaml": "services:\n  a: {image: x, expose: [1]}\n  b: {image: y, expose: [2]}\n  c: {image: z, expose: [3]}\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let warnings = try Self.load(dir).catalog.warnings.map(\.message)
        #expect(warnings == ["'expose' is not applied (3 services)"])
    }

    @Test func longFormPortsWithRangesAndHostIPAndComposeFile() throws {
        let dir = try Self.folder(["lab.yml": """
            services:
              web:
                image: "x:${TAG}"
                ports:
                  - {target: 80, published: "8000-8010", host_ip: 127.0.0.1}
                  - {target: 53, published: 5353, protocol: udp}
                  - "9000-9001:9000-9001"
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let project = try Catalog.project(CatalogOptions(environment: ["COMPOSE_FILE": "lab.yml"], workingDirectory: dir))
        #expect(project.catalog.services.first?.ports == [
            PortSpec(host: 8000, container: 80, hostIP: "127.0.0.1"), PortSpec(host: 5353, container: 53, proto: "udp"),
            PortSpec(host: 9000, container: 9000), PortSpec(host: 9001, container: 9001),
        ])
        // The unset variable's warning points at its `$`.
        let warning = project.catalog.warnings.first { $0.message.contains("TAG") }
        #expect(warning?.line == 3 && warning?.column == 15, "\(String(describing: warning))")
    }
}
