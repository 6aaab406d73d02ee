import Foundation
@testable import LabCatalog
import Testing

/// Every public compose file in `../shared/compose-corpus/` (beside the clone; never copied
/// into the repository) loads without error, and where Debian's docker-compose 1.29 can read a
/// file, its `config` output is the oracle for services, images, ports and healthchecks.
@Suite(.serialized) struct ComposeCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/compose-corpus").path

    /// A scratch copy of the corpus with a `.env` in each folder (for `env_file: .env`): the
    /// folder's `.env.example`, or Flowise's documented `PORT=3000` (its example is not in the corpus).
    static func scratch() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ailab-corpus-\(UUID())").path
        try FileManager.default.copyItem(atPath: corpus, toPath: copy)
        for folder in try FileManager.default.contentsOfDirectory(atPath: copy) {
            let dir = copy + "/" + folder
            guard (try? FileManager.default.contentsOfDirectory(atPath: dir)) != nil else { continue }
            let example = try? String(contentsOfFile: dir + "/.env.example", encoding: .utf8)
            try (example ?? (folder == "flowise" ? "PORT=3000\n" : "")).write(toFile: dir + "/.env", atomically: true, encoding: .utf8)
        }
        return copy
    }

    /// Every compose file of the corpus, relative to it.
    static func composeFiles(in root: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { ($0 as NSString).lastPathComponent.contains("compose") && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }.sorted()
    }

    /// The env file a file is read with: its folder's `.env.example`; Supabase's own is not in
    /// the corpus, and local-ai-packaged's carries the same variables for the same file.
    static func envFile(for file: String, in root: String) -> [String] {
        let folder = String(file.prefix { $0 != "/" })
        let own = "\(root)/\(folder)/.env.example"
        if FileManager.default.fileExists(atPath: own) { return [own] }
        return folder == "supabase" ? ["\(root)/local-ai-packaged/.env.example"] : []
    }

    static func load(_ files: [String], root: String, environment: [String: String] = [:]) throws -> ComposeProject {
        try ComposeProject.load(CatalogOptions(
            files: files.map { "\(root)/\($0)" }, envFiles: envFile(for: files[0], in: root), environment: environment, workingDirectory: root))
    }

    @Test func everyFileLoadsAndItsConfigLoadsAgain() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = Self.composeFiles(in: root)
        #expect(files.count >= 13, "the corpus at \(Self.corpus) is missing")
        for file in files {
            do {
                let project = try Self.load([file], root: root)
                #expect(!project.serviceNames.isEmpty, "\(file)")
                // The written model is compose again: it loads, to the same services and ports.
                let again = try CatalogLoader.load(yaml: try project.configYAML(showSecrets: true), file: file)
                #expect(again.services.map(\.name) == project.catalog.services.map(\.name), "\(file)")
                #expect(again.services.map(\.ports) == project.catalog.services.map(\.ports), "\(file)")
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test func theMultiFileLabsResolveAsComposeWould() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // n8n kit with COMPOSE_PROFILES=cpu: exactly the six containers compose starts, no clash.
        let n8n = try Self.load(["n8n-starter/docker-compose.yml"], root: root, environment: ["COMPOSE_PROFILES": "cpu"])
        #expect(n8n.serviceNames == ["postgres", "n8n-import", "n8n", "qdrant", "ollama-cpu", "ollama-pull-llama-cpu"])
        #expect(!n8n.catalog.warnings.contains { $0.message.contains("host port") })
        #expect(n8n.catalog.name == "n8n-starter")
        // local-ai-packaged: its include brings Supabase's 13 services; the public override resets ports.
        let lab = try Self.load(["local-ai-packaged/docker-compose.yml", "local-ai-packaged/docker-compose.override.public.yml"], root: root)
        #expect(lab.serviceNames.count == 26)
        #expect(lab.catalog.service(named: "kong")?.ports == [])
        let privateLab = try Self.load(["local-ai-packaged/docker-compose.yml", "local-ai-packaged/docker-compose.override.private.yml"], root: root)
        #expect(privateLab.catalog.service(named: "kong")?.ports.map(\.host) == [8000, 8443])
        // Dify, whose ports and images are all ${VAR:-default}: the defaults, as compose gives them.
        let dify = try Self.load(["dify/docker-compose.yaml"], root: root)
        #expect(dify.catalog.service(named: "nginx")?.ports == [PortSpec(host: 80, container: 80), PortSpec(host: 443, container: 443)])
        #expect(dify.serviceNames.contains("api") && !dify.serviceNames.contains("weaviate"))
        // Open WebUI's GPU file: the GPU reservation kept as a fact, its external volume marked.
        let gpu = try Self.load(["open-webui/docker-compose.gpu.yaml"], root: root).catalog
        let ollama = try #require(gpu.service(named: "ollama")).primary
        #expect(ollama.deviceReservations == [DeviceReservation(driver: "nvidia", count: nil, capabilities: ["gpu"])])
        #expect(ollama.volumes.first { $0.source == "ollama-local" }?.external == true)
    }

    @Test func docker_compose_1_29IsTheOracleWhereItCanReadAFile() throws {
        guard let oracle = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"].first(where: FileManager.default.isExecutableFile) else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "docker-compose is not installed (scripts/setup.sh test installs it)")
            return
        }
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var compared = 0
        for file in Self.composeFiles(in: root) {
            guard let output = Self.run(oracle, ["-f", "\(root)/\(file)"] + Self.envFile(for: file, in: root).flatMap { ["--env-file", $0] } + ["config"], in: root)
            else { continue }  // 1.29 cannot read it (!reset, :+, env_file long form…): no oracle
            let theirs = try CatalogLoader.load(yaml: output, file: "docker-compose config")
            let ours = try Self.load([file], root: root, environment: ["HOME": root]).catalog
            let components = { (catalog: Catalog) in catalog.services.flatMap(\.components).sorted { $0.name < $1.name } }
            #expect(components(ours).map(\.name) == components(theirs).map(\.name), "\(file)")
            for (mine, its) in zip(components(ours), components(theirs)) {
                #expect(mine.image == its.image, "\(file) \(mine.name)")
                #expect(Set(mine.ports) == Set(its.ports), "\(file) \(mine.name)")
                #expect(mine.healthcheck?.test == its.healthcheck?.test, "\(file) \(mine.name)")
                let mounts = { (c: Component) in Set(c.volumes.map { "\($0.source):\($0.target):\($0.readOnly)" }) }
                #expect(mounts(mine) == mounts(its), "\(file) \(mine.name)")
                let environment = { (c: Component) in Set(c.environment.map { "\($0.name)=\($0.value ?? "")" }) }
                #expect(environment(mine) == environment(its), "\(file) \(mine.name)")
                #expect(mine.command == its.command && mine.entrypoint == its.entrypoint, "\(file) \(mine.name)")
            }
            compared += 1
        }
        #expect(compared >= 6, "docker-compose 1.29 read only \(compared) files")
    }

    /// stdout of a process that exits 0, else nil.
    static func run(_ tool: String, _ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
