import Foundation
@testable import LabCatalog
import Testing

/// Several files, include, extends, env_file, `!reset`, and files built to hurt the loader.
@Suite struct ComposeFilesTests {
    typealias Rules = ComposeRulesTests

    @Test func theDefaultFileAndItsOverrideAreFoundFromASubdirectoryAndMerged() throws {
        let dir = try Rules.folder([
            "docker-compose.yml": """
                services:
                  web:
                    image: web:1
                    ports: ["8080:80"]
                    environment: [A=1, B=2]
                    command: ["serve", "--slow"]
                    volumes: ["data:/data", "./conf:/etc/conf"]
                """,
            "docker-compose.override.yml": """
                services:
                  web:
                    image: web:2
                    ports: ["8443:443"]
                    environment: {B: "3", C: "4"}
                    command: ["serve"]
                    volumes: ["./other:/etc/conf"]
                  extra: {image: extra}
                """,
            "sub/deeper/.keep": "",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let project = try Rules.load(dir + "/sub/deeper")
        let web = try #require(project.catalog.service(named: "web")).primary
        #expect(web.image == "web:2")
        #expect(web.ports.map(\.host) == [8080, 8443])
        #expect(web.environment.map { "\($0.name)=\($0.value ?? "")" } == ["A=1", "B=3", "C=4"])
        #expect(web.command == ["serve"])
        // Relative bind mounts are absolute from the project directory, as compose makes them.
        #expect(web.volumes.map(\.source) == ["data", dir + "/other"])
        #expect(project.catalog.services.map(\.name) == ["web", "extra"])
        // An explicit -f list replaces the default discovery, and errors name the file that said it.
        try "services:\n  web:\n    ports: ['bad']\n".write(toFile: dir + "/broken.yml", atomically: true, encoding: .utf8)
        let found = Rules.errors { _ = try Rules.load(dir, files: ["docker-compose.yml", "broken.yml"]) }
        #expect(found.first?.file == dir + "/broken.yml" && found.first?.line == 3)
    }

    @Test func includeLoadsAnotherProjectWithItsOwnEnvFile() throws {
        let dir = try Rules.folder([
            "compose.yaml": "include:\n  - path: db/compose.yaml\n    env_file: db/db.env\nservices:\n  app: {image: app, depends_on: [db]}\n",
            "db/compose.yaml": "services:\n  db: {image: \"postgres:${PG_VERSION}\", ports: [\"${PG_PORT:-5432}:5432\"]}\n",
            "db/db.env": "PG_VERSION=16\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let catalog = try Rules.load(dir).catalog
        #expect(catalog.services.map(\.name) == ["app", "db"])
        #expect(catalog.service(named: "db")?.primary.image == "postgres:16")
        #expect(catalog.service(named: "app")?.dependencies == ["db"])
        try "include: [compose.yaml]\nservices: {}\n".write(toFile: dir + "/db/compose.yaml", atomically: true, encoding: .utf8)
        #expect(Rules.errors { _ = try Rules.load(dir) }.contains { $0.message.contains("include") })
    }

    @Test func extendsTakesABaseServiceFromThisFileOrAnother() throws {
        let dir = try Rules.folder([
            "compose.yaml": """
                services:
                  base: {image: base:1, environment: {A: "1"}, depends_on: [other]}
                  other: {image: other}
                  local: {extends: base, environment: {B: "2"}}
                  remote: {extends: {file: common.yaml, service: shared}, ports: ["81:81"]}
                """,
            "common.yaml": "services:\n  shared: {image: shared:2, ports: [\"80:80\"]}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let catalog = try Rules.load(dir).catalog
        let local = try #require(catalog.service(named: "local")).primary
        #expect(local.image == "base:1" && local.environment.map(\.name) == ["A", "B"])
        #expect(catalog.service(named: "local")?.dependencies == [])
        let remote = try #require(catalog.service(named: "remote")).primary
        #expect(remote.image == "shared:2" && remote.ports.map(\.host) == [80, 81])
    }

    @Test func envFileShortAndLongFormsAndResets() throws {
        let dir = try Rules.folder([
            "compose.yaml": """
                services:
                  a:
                    image: a
                    env_file: [common.env, {path: missing.env, required: false}]
                    environment: {OWN: "yes", SHARED: "mine"}
                  b: {image: b, env_file: missing.env}
                """,
            "common.env": "SHARED=theirs\nFROM_FILE='p$ss'\n",
            "reset.yaml": "services:\n  a:\n    environment: !reset {}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let found = Rules.errors { _ = try Rules.load(dir) }
        #expect(found.count == 1 && found[0].line == 6 && found[0].message.contains("env_file 'missing.env' not found"))
        try "services:\n  a:\n    image: a\n    env_file: [common.env, {path: missing.env, required: false}]\n    environment: {OWN: \"yes\", SHARED: \"mine\"}\n"
            .write(toFile: dir + "/compose.yaml", atomically: true, encoding: .utf8)
        let a = try #require(try Rules.load(dir).catalog.services.first).primary
        #expect(a.environment.map { "\($0.name)=\($0.value ?? "")" } == ["SHARED=mine", "FROM_FILE=p$$ss", "OWN=yes"])
        let reset = try #require(try Rules.load(dir, files: ["compose.yaml", "reset.yaml"]).catalog.services.first).primary
        #expect(reset.environment.isEmpty)
    }

    @Test func chainedMergeKeysAreRefusedQuicklyWithTheirPlace() throws {
        var yaml = "x-0: &m0 {a: 1, b: 2}\n"
        for level in 1...30 { yaml += "x-\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)], k\(level): v}\n" }
        yaml += "services:\n  a:\n    <<: *m30\n    image: x\n"
        let started = ContinuousClock.now
        let found = Rules.errors { _ = try CatalogLoader.load(yaml: yaml, file: "bomb.yaml") }
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("catalog too large or self-referencing") == true, "\(found)")
        #expect(found.first.map { $0.file == "bomb.yaml" && $0.line >= 1 } == true)
    }

    @Test func portClashCheckingIsLinearInServices() throws {
        // 20,000 services took over a minute when each one's lab service was found by a scan.
        var yaml = "services:\n"
        for index in 0..<20_000 { yaml += "  s\(index): {image: x, ports: [\"\(10_000 + index % 30_000):80\"]}\n" }
        yaml += "  clash: {image: y, ports: [\"10000:80\"]}\n"
        let started = ContinuousClock.now
        let catalog = try CatalogLoader.load(yaml: yaml, file: "many.yaml")
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(catalog.warnings.map(\.message) == ["host port 10000/tcp is also published by 's0': they cannot run together"])
    }

    @Test func extendsCyclesAndMissingBasesAreErrorsAndOverrideReplaces() throws {
        let dir = try Rules.folder([
            "compose.yaml": """
                services:
                  a: {extends: b, image: a}
                  b: {extends: a, image: b}
                  c: {extends: nowhere, image: c}
                """,
            "base.yaml": "services:\n  web: {image: web, ports: ['80:80'], environment: {A: '1'}}\n",
            "over.yaml": "services:\n  web:\n    ports: !override ['81:81']\n    environment: !override {B: '2'}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let found = Rules.errors { _ = try Rules.load(dir) }.map(\.message)
        #expect(found.contains { $0.hasPrefix("extends: a cycle") }, "\(found)")
        #expect(found.contains("extends: no service 'nowhere' in this file"), "\(found)")
        let web = try #require(try Rules.load(dir, files: ["base.yaml", "over.yaml"]).catalog.services.first).primary
        #expect(web.ports.map(\.host) == [81])
        #expect(web.environment.map(\.name) == ["B"])
    }

    @Test func includeResolvesPathsFromItsProjectDirectory() throws {
        let dir = try Rules.folder([
            "compose.yaml": "include:\n  - path: ../shared/db.yaml\n    project_directory: ../shared\nservices:\n  app: {image: app}\n",
            "../shared/db.yaml": "services:\n  db: {image: \"postgres:${PG:-15}\", env_file: db.env}\n",
            "../shared/db.env": "POSTGRES_DB=lab\n",
            "../shared/.env": "PG=17\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let db = try #require(try Rules.load(dir).catalog.service(named: "db")).primary
        #expect(db.image == "postgres:17")
        #expect(db.environment.map { "\($0.name)=\($0.value ?? "")" } == ["POSTGRES_DB=lab"])
    }
}
