import Foundation
import LabCatalog
import TestSupport
import Testing

/// Grafana, Jupyter, Vault and Loki, each against a fake server answering as its API does.
extension MetricAPICheckTests {
    // MARK: Grafana dashboards showing metrics

    static func grafana(dashboards: Int, health: [String: String]) throws -> FakeHTTPServer {
        let auth = "Basic " + Data("admin:pw".utf8).base64EncodedString()
        return try FakeHTTPServer { path, headers in
            guard headers["authorization"] == auth else { return (401, #"{"message":"invalid username or password"}"#) }
            if path.hasPrefix("/api/search") {
                let list = (0..<dashboards).map { #"{"id":\#($0),"uid":"d\#($0)","title":"Lab","type":"dash-db"}"# }
                return (200, "[\(list.joined(separator: ","))]")
            }
            if path == "/api/datasources" {
                let list = health.keys.sorted().map { #"{"id":1,"uid":"\#($0)","name":"\#($0.capitalized)","type":"prometheus"}"# }
                return (200, "[\(list.joined(separator: ","))]")
            }
            let uid = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            let status = health[uid] ?? "ERROR"
            return (status == "OK" ? 200 : 400, #"{"status":"\#(status)","message":"checked"}"#)
        }
    }

    static let grafanaCheck = #"{grafana-healthy: {service: grafana, auth: {basic: {user: admin, password: "${GF_SECURITY_ADMIN_PASSWORD}"}}}}"#

    @Test func grafanaNeedsADashboardAndHealthyDataSources() async throws {
        for (dashboards, health, met, detail) in [
            (1, ["lab-prometheus": "OK", "lab-loki": "OK"], true, "grafana: 1 dashboard, 2 healthy data sources"),
            (0, ["lab-prometheus": "OK"], false, "grafana :3003: no dashboard"),
            (2, ["lab-prometheus": "OK", "lab-loki": "ERROR"], false, "grafana: data source failing health: Lab-Loki"),
            (1, [:], false, "grafana :3003: no data source"),
        ] {
            let server = try Self.grafana(dashboards: dashboards, health: health)
            defer { server.stop() }
            let checker = try Self.checker("grafana", port: 3003, server: server, check: Self.grafanaCheck, secrets: ["GF_SECURITY_ADMIN_PASSWORD": "pw"], declared: ["GF_SECURITY_ADMIN_PASSWORD"])
            let result = try await Self.run(checker)
            #expect(result.met == met && result.detail == detail.replacingOccurrences(of: ":3003:", with: ":\(server.port):"), "\(result.detail)")
        }
        let server = try Self.grafana(dashboards: 1, health: ["lab-prometheus": "OK"])
        defer { server.stop() }
        let wrong = try await Self.run(try Self.checker("grafana", port: 3003, server: server, check: Self.grafanaCheck, secrets: ["GF_SECURITY_ADMIN_PASSWORD": "nope"], declared: ["GF_SECURITY_ADMIN_PASSWORD"]))
        #expect(!wrong.met && wrong.detail == "grafana :\(server.port): GET /api/search answered 401: the credentials were refused")
    }

    // MARK: Jupyter notebooks for experimentation

    @Test func jupyterNeedsANotebookNotJustFiles() async throws {
        for (types, met) in [(["directory", "notebook", "file"], true), (["file", "directory"], false), ([], false)] {
            let server = try FakeHTTPServer { path, headers in
                guard headers["authorization"] == "token tok" else { return (403, #"{"message":"Forbidden","reason":null}"#) }
                let content = types.enumerated().map { #"{"name":"n\#($0.offset)","path":"n\#($0.offset)","type":"\#($0.element)","content":null}"# }
                return (200, #"{"name":"","path":"","type":"directory","format":"json","content":[\#(content.joined(separator: ","))]}"#)
            }
            defer { server.stop() }
            let check = #"{json: {service: jupyter, path: /api/contents, pointer: /content, count-at-least: 1, where-field: /type, where-equals: notebook, auth: {headers: {Authorization: "token ${JUPYTER_TOKEN}"}}}}"#
            let result = try await Self.run(try Self.checker("jupyter", port: 8888, server: server, check: check, secrets: ["JUPYTER_TOKEN": "tok"], declared: ["JUPYTER_TOKEN"]))
            #expect(result.met == met, "\(result.detail)")
        }
    }

    // MARK: Secrets managed in Vault

    @Test func vaultMustBeUnsealedAndHoldSecretsReadWithTheTokenYouStored() async throws {
        for (sealed, keys, met) in [(false, #"["lab/"]"#, true), (true, #"["lab/"]"#, false), (false, "[]", false)] {
            let server = try FakeHTTPServer { path, headers in
                if path.hasPrefix("/v1/sys/health") {
                    return (sealed ? 503 : 200, #"{"initialized":true,"sealed":\#(sealed),"standby":false,"version":"1.21.4"}"#)
                }
                guard headers["x-vault-token"] == "hvs.token" else { return (403, #"{"errors":["permission denied"]}"#) }
                return (200, #"{"data":{"keys":\#(keys)}}"#)
            }
            defer { server.stop() }
            let check = #"{all: [{http: {service: vault, path: /v1/sys/health, status: 200}}, {json: {service: vault, path: "/v1/secret/metadata?list=true", pointer: /data/keys, count-at-least: 1, auth: {secret-headers: {X-Vault-Token: VAULT_TOKEN}}}}]}"#
            let result = try await Self.run(try Self.checker("vault", port: 8200, server: server, check: check, secrets: ["VAULT_TOKEN": "hvs.token"]))
            #expect(result.met == met, "\(result.detail)")
        }
    }

    // MARK: All services monitored and logged (the Loki half)

    @Test func everyInstalledServiceNeedsLogLinesInLoki() async throws {
        for (values, met) in [(#"["/lab-loki-1","other"]"#, true), (#"["other"]"#, false), ("[]", false)] {
            let server = try FakeHTTPServer { path, _ in
                path == "/loki/api/v1/label/container/values" ? (200, #"{"status":"success","data":\#(values)}"#) : (404, "{}")
            }
            defer { server.stop() }
            let result = try await Self.run(try Self.checker("loki", port: 3100, server: server, check: "{loki-logs: {service: loki, label: container}}"))
            #expect(result.met == met, "\(result.detail)")
            if !met { #expect(result.detail.hasSuffix("no log lines from loki")) }
        }
    }
}
