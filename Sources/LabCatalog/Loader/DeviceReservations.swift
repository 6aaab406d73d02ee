/// GPU and other device reservations, kept as facts of a component (a later issue shows them):
/// `deploy.resources.reservations.devices` (compose-spec deploy.md, "devices") and the service
/// key `gpus:` (`all`, or a list of {driver, count, device_ids, capabilities, options}).
enum DeviceReservations {
    static func read(deploy: YAMLValue?, gpus: YAMLValue?) throws(CatalogDiagnostic) -> [DeviceReservation] {
        var result: [DeviceReservation] = []
        if let devices = try deploy.flatMap({ d throws(CatalogDiagnostic) in try child(d, "resources") })
            .flatMap({ r throws(CatalogDiagnostic) in try child(r, "reservations") })
            .flatMap({ r throws(CatalogDiagnostic) in try child(r, "devices") })
        {
            for item in try devices.items() { result.append(try reservation(item, gpu: false)) }
        }
        if let gpus {
            if case .scalar = gpus.node {
                guard try gpus.string() == "all" else { throw gpus.expected("'all' or a list of GPU requests") }
                result.append(DeviceReservation(driver: "nvidia", count: nil, capabilities: ["gpu"]))
            } else {
                for item in try gpus.items() { result.append(try reservation(item, gpu: true)) }
            }
        }
        return result
    }

    private static func child(_ value: YAMLValue, _ key: String) throws(CatalogDiagnostic) -> YAMLValue? {
        try value.entries().first { $0.key == key }?.value
    }

    private static func reservation(_ item: YAMLValue, gpu: Bool) throws(CatalogDiagnostic) -> DeviceReservation {
        var keys = try KeyReader(item)
        var device = DeviceReservation()
        device.driver = try keys.take("driver")?.string()
        if let count = keys.take("count") {
            let text = try count.string()
            if text != "all" { device.count = try count.int(in: 0...1024) }
        }
        device.deviceIDs = try keys.take("device_ids")?.strings() ?? []
        device.capabilities = try keys.take("capabilities")?.strings() ?? (gpu ? ["gpu"] : [])
        _ = keys.take("options")
        if let (key, at) = keys.leftovers.first { throw at.diagnostic("unknown device reservation key '\(key)' (driver, count, device_ids, capabilities, options)") }
        return device
    }
}
