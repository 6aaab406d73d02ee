/// The `x-ailab` fields of one compose service.
struct LabFields {
    var layer: Layer?
    var phase: Int?
    var title: String?
    var summary: String?
    var partOf: (name: String, at: YAMLValue)?
    var probe: (path: String, port: Int?, expect: StatusSet, interval: Double)?
    var secrets: [(name: String, spec: SecretSpec)] = []
    var wires: [(wire: Wire, at: YAMLValue)] = []
    var exposure: ExposurePolicy?
    var swarm: Bool?
    /// `x-ailab.engine`: the watched engine an install goes to (issue 16).
    var engine: String?
}

/// One compose service, read with its `x-ailab` fields.
struct ParsedComponent {
    var component: Component
    var fields: LabFields
    var dependsOn: [(name: String, at: YAMLValue)]
    var at: YAMLValue
}

/// Reads a compose service into a `Component`, reporting every key it does not apply.
enum ComponentParser {
    /// Compose service keys this console applies when it installs.
    static let applied: Set<String> = [
        "image", "command", "entrypoint", "environment", "ports", "volumes", "healthcheck", "depends_on", "restart",
        "user", "cap_add", "devices", "container_name", "labels", "networks", "stop_grace_period", "stop_signal",
        "configs",
    ]

    /// The rest of the compose specification's service keys: valid, but not applied here.
    static let notApplied: Set<String> = [
        "annotations", "attach", "blkio_config", "build", "cap_drop", "cgroup", "cgroup_parent", "cpu_count",
        "cpu_percent", "cpu_shares", "cpu_period", "cpu_quota", "cpu_rt_runtime", "cpu_rt_period", "cpus", "cpuset",
        "credential_spec", "deploy", "develop", "device_cgroup_rules", "dns", "dns_opt", "dns_search", "domainname",
        "driver_opts", "env_file", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add",
        "hostname", "init", "ipc", "isolation", "label_file", "links", "logging", "mac_address", "mem_limit",
        "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode", "oom_kill_disable", "oom_score_adj",
        "pid", "pids_limit", "platform", "post_start", "pre_stop", "privileged", "profiles", "provider",
        "pull_policy", "read_only", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
        "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket",
        "userns_mode", "uts", "volumes_from", "working_dir",
    ]

    /// Each key is read on its own: a bad one is recorded in `report` and the rest still read.
    static func parse(
        name: String, _ value: YAMLValue, report: LoadReport, files: [String: String] = [:], configs: [String: String]? = [:]
    ) throws(CatalogDiagnostic) -> ParsedComponent {
        var keys = try KeyReader(value)
        var image = ""
        if let node = keys.take("image") {
            report.attempt { () throws(CatalogDiagnostic) in image = try node.string() }
        } else {
            let why = keys.has("build") ? "it is built from source ('build')" : "it has no 'image'"
            report.warn(value.diagnostic("ailab cannot install '\(name)': \(why)"))
        }
        var component = Component(name: name, image: image)
        func read(_ key: String, _ body: (YAMLValue) throws(CatalogDiagnostic) -> Void) {
            guard let node = keys.take(key) else { return }
            let located = YAMLValue(node: node.node, path: node.path, file: files["\(name).\(key)"] ?? node.file)
            report.attempt { () throws(CatalogDiagnostic) in try body(located) }
        }
        read("ports") { node throws(CatalogDiagnostic) in component.ports = try ComposeSyntax.ports(node) }
        read("volumes") { node throws(CatalogDiagnostic) in component.volumes = try ComposeSyntax.volumes(node) }
        read("environment") { node throws(CatalogDiagnostic) in component.environment = try ComposeSyntax.environment(node) }
        read("healthcheck") { node throws(CatalogDiagnostic) in component.healthcheck = try healthcheck(node) }
        read("command") { node throws(CatalogDiagnostic) in component.command = try ComposeSyntax.command(node) }
        read("entrypoint") { node throws(CatalogDiagnostic) in component.entrypoint = try ComposeSyntax.command(node) }
        read("restart") { node throws(CatalogDiagnostic) in component.restart = try node.string() }
        read("user") { node throws(CatalogDiagnostic) in component.user = try node.string() }
        read("cap_add") { node throws(CatalogDiagnostic) in component.capAdd = try node.strings() }
        read("devices") { node throws(CatalogDiagnostic) in component.devices = try node.strings() }
        read("stop_grace_period") { node throws(CatalogDiagnostic) in component.stopGracePeriod = try ComposeSyntax.duration(node) }
        read("stop_signal") { node throws(CatalogDiagnostic) in component.stopSignal = try node.string() }
        read("container_name") { node throws(CatalogDiagnostic) in component.containerName = try node.string() }
        read("labels") { node throws(CatalogDiagnostic) in component.labels = try labels(node) }
        // Without a readable top-level table (its error is reported there), references are not judged.
        read("configs") { node throws(CatalogDiagnostic) in if let configs { component.configs = try ConfigParser.mounts(node, table: configs) } }
        _ = keys.take("networks")  // the lab puts every service on its one network
        _ = keys.take("profiles")  // applied before parsing: inactive services never get here
        // Kept as facts without being taken: 'deploy' and 'gpus' are still reported as not applied.
        report.attempt { () throws(CatalogDiagnostic) in
            component.deviceReservations = try DeviceReservations.read(deploy: keys.peek("deploy"), gpus: keys.peek("gpus"))
        }
        report.attempt { () throws(CatalogDiagnostic) in component.swarm = try SwarmDeployParser.read(deploy: keys.peek("deploy")) }
        if component.deviceReservations.isEmpty, let deploy = keys.peek("deploy"), SwarmDeployParser.onlyPlacement(deploy) { _ = keys.take("deploy") }
        var dependsOn: [(name: String, at: YAMLValue)] = []
        read("depends_on") { node throws(CatalogDiagnostic) in dependsOn = try ComposeSyntax.dependsOn(node) }
        var fields = LabFields()
        if let node = keys.take("x-ailab") {
            do { fields = try labFields(node, report: report, configs: configs ?? [:]) } catch { report.error(error) }
        }
        component.wires = fields.wires.map(\.wire)
        component.exposure = fields.exposure ?? ExposurePolicy()
        component.swarm.enabled = fields.swarm ?? false
        for (secret, spec) in fields.secrets {
            if let index = component.environment.firstIndex(where: { $0.name == secret }) {
                component.environment[index].secret = spec
            } else {
                component.environment.append(EnvVar(name: secret, value: nil, secret: spec))
            }
        }
        for (key, at) in keys.leftovers where !key.hasPrefix("x-") {
            if notApplied.contains(key) {
                report.notApplied(key, service: name, at: at.diagnostic(""))
            } else {
                report.warn(at.diagnostic("unknown compose key '\(key)'"))
            }
        }
        return ParsedComponent(component: component, fields: fields, dependsOn: dependsOn, at: value)
    }

    private static func labels(_ value: YAMLValue) throws(CatalogDiagnostic) -> [String: String] {
        var result: [String: String] = [:]
        for variable in try ComposeSyntax.environment(value) { result[variable.name] = variable.value ?? "" }
        return result
    }

    private static func healthcheck(_ value: YAMLValue) throws(CatalogDiagnostic) -> HealthcheckSpec? {
        var keys = try KeyReader(value)
        if try keys.take("disable")?.bool() == true { return nil }
        let testNode = try keys.require("test")
        var test: [String]
        if case .sequence = testNode.node {
            test = try testNode.strings()
            guard let first = test.first, ["CMD", "CMD-SHELL", "NONE"].contains(first) else {
                throw testNode.diagnostic("a healthcheck test list must start with CMD, CMD-SHELL or NONE")
            }
        } else {
            test = ["CMD-SHELL", try testNode.string()]
        }
        var spec = HealthcheckSpec(test: test)
        if let node = keys.take("interval") { spec.interval = try ComposeSyntax.duration(node) }
        if let node = keys.take("timeout") { spec.timeout = try ComposeSyntax.duration(node) }
        if let node = keys.take("start_period") { spec.startPeriod = try ComposeSyntax.duration(node) }
        _ = keys.take("start_interval")
        if let node = keys.take("retries") { spec.retries = try node.int(in: 0...1000) }
        if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown healthcheck key '\(key)'") }
        return test.first == "NONE" ? nil : spec
    }

    /// `NAME`, or `{name: NAME, length: 32}`, or `{name: NAME, provided: true}`.
    private static func secret(_ value: YAMLValue) throws(CatalogDiagnostic) -> (name: String, spec: SecretSpec) {
        guard case .mapping = value.node else { return (try value.string(), SecretSpec()) }
        var keys = try KeyReader(value)
        let name = try keys.require("name").string()
        var spec = SecretSpec()
        if let node = keys.take("length") { spec.length = try node.int(in: 8...512) }
        if let node = keys.take("provided") { spec.provided = try node.bool() }
        if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown secret key '\(key)' (name, length, provided)") }
        return (name, spec)
    }

    private static func labFields(_ value: YAMLValue, report: LoadReport, configs: [String: String]) throws(CatalogDiagnostic) -> LabFields {
        var keys = try KeyReader(value)
        var fields = LabFields()
        if let node = keys.take("layer") {
            let text = try node.string()
            guard let layer = Layer(rawValue: text) else {
                throw node.diagnostic("unknown layer '\(text)': expected one of \(Layer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            fields.layer = layer
        }
        if let node = keys.take("phase") { fields.phase = try node.int(in: 0...99) }
        if let node = keys.take("title") { fields.title = try node.string() }
        if let node = keys.take("description") { fields.summary = try node.string() }
        if let node = keys.take("part-of") { fields.partOf = (try node.string(), node) }
        for item in try keys.take("secrets")?.items() ?? [] { fields.secrets.append(try secret(item)) }
        if let node = keys.take("wires") { fields.wires = try WireParser.parse(node, configs: configs) }
        if let node = keys.take("exposure") { fields.exposure = try ExposureParser.parse(node) }
        if let node = keys.take("swarm") { fields.swarm = try node.bool() }
        if let node = keys.take("engine") {
            let name = try node.string()
            guard !name.isEmpty else { throw node.diagnostic("x-ailab.engine names no engine: give a docker context name or an --engine value") }
            fields.engine = name
        }
        if let node = keys.take("probe") {
            var probe = try KeyReader(node)
            let path = try probe.require("path").string()
            guard path.hasPrefix("/") else { throw node.diagnostic("a probe path must start with /") }
            let port = try probe.take("port").map { v throws(CatalogDiagnostic) in try v.int(in: 1...65535) }
            let expect = try probe.take("status").map { v throws(CatalogDiagnostic) in try ComposeSyntax.statuses(v) } ?? .success
            let interval = try probe.take("interval").map { v throws(CatalogDiagnostic) in try ComposeSyntax.duration(v) } ?? 30
            guard interval >= 1 else { throw node.diagnostic("a probe interval must be at least 1s") }
            if let (key, at) = probe.leftovers.first { throw at.diagnostic("unknown probe key '\(key)' (path, port, status, interval)") }
            fields.probe = (path, port, expect, interval)
        }
        for (key, at) in keys.leftovers {
            report.warn(at.diagnostic("unknown x-ailab key '\(key)' (layer, phase, title, description, part-of, probe, secrets, wires, exposure, swarm, engine)"))
        }
        return fields
    }
}
