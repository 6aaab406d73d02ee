/// The files under Sources/ that still import full Foundation (issue 17), each with the APIs it
/// uses that FoundationEssentials lacks; `FullFoundationImportTests` keeps the list exact. It
/// must reach empty before the binary drops ICU: one file is enough to link it all.
enum FullFoundationRemaining {
    static let files: Set<String> = [
        "LabControl/Actions/PullStatus.swift",  // String(format:)
        "ailab/ProgressPrinter.swift",  // FileHandle
        // Merged from issues 14, 15a and 16b after this list was made; not yet looked at for FoundationEssentials.
        "Console/KeyMapFile.swift",
        "ConsoleEffects/EffectRunner+Expose.swift",
        "DockerClient/Exec/DockerClient+Exec.swift",
        "DockerClient/Exec/HijackedConnection+Socket.swift",
        "DockerClient/Exec/HijackedConnection.swift",
        "DockerClient/Swarm/DockerClient+Swarm.swift",
        "DockerClient/Swarm/DockerClient+SwarmServices.swift",
        "LabControl/Actions/ActionRunner+Swarm.swift",
        "LabControl/Expose/Exposer+Apply.swift",
        "LabControl/Expose/Exposer.swift",
        "LabControl/Secrets/ActionRunner+Vault.swift",
        "LabControl/Secrets/SecretInventory.swift",
        "LabControl/Secrets/VaultClient.swift",
        "LabControl/Secrets/VaultRecord.swift",
        "LabExposure/ExposeFiles.swift",
        "LabExposure/ExposureExtras.swift",
        "LabExposure/Htpasswd.swift",
        "LabLive/LiveLab+Swarm.swift",
        "LabLive/SwarmLoader.swift",
        "LabModel/Model/ConditionJudge+Swarm.swift",
        "LabModel/Swarm/ServiceStatus+Swarm.swift",
        "LabModel/Swarm/SwarmServiceStatus.swift",
        "LabModel/Swarm/SwarmState.swift",
        "LabReport/StatusReport+Swarm.swift",
        "ailab/Console/ConsoleApp+Shell.swift",
        "ailab/Console/KeyMapLoader.swift",
        "ailab/Console/ShellPump.swift",
        "ailab/ExposeCommand.swift",
        "ailab/ProvidedSecret.swift",
        "ailab/SecretsCommand.swift",
        "Console/Format.swift",  // String(format:), DateFormatter
        "Console/Reducer.swift",  // trimmingCharacters
        "CursesTerminal/ExitDeadline.swift",  // Thread
        "DockerClient/API/DockerClient.swift",  // trimmingCharacters
        "DockerClient/API/QueryString.swift",  // CharacterSet, addingPercentEncoding, JSONSerialization
        "DockerClient/Models/EngineEvent.swift",  // trimmingCharacters
        "DockerClient/Streams/EventFollower.swift",  // String(format:)
        "DockerClient/Transport/DockerEndpoint.swift",  // trimmingCharacters
        "DockerClient/Transport/SocketWatch.swift",  // NSString, Thread
        "LabCatalog/Loader/CatalogOptions.swift",  // NSString
        "LabCatalog/Loader/ComposeFileReader+Extends.swift",  // NSString
        "LabCatalog/Loader/ComposeFileReader.swift",  // NSString
        "LabCatalog/Loader/ComposeProject+Config.swift",  // JSONSerialization, NSNull
        "LabCatalog/Loader/ComposeProject.swift",  // NSString
        "LabCatalog/Loader/ComposeSyntax.swift",  // trimmingCharacters
        "LabCatalog/Loader/DotEnv.swift",  // range(of:)
        "LabControl/Actions/ActionEvent.swift",  // String(format:)
        "LabControl/Actions/ActionLog.swift",  // NSString, ISO8601DateFormatter, replacingOccurrences
        "LabControl/Actions/ActionRunner+Configs.swift",  // NSString
        "LabControl/Actions/ActionRunner+Health.swift",  // trimmingCharacters
        "LabControl/Actions/ActionRunner+Lifecycle.swift",  // NSString
        "LabModel/Snapshot/ContainerBlueprint.swift",  // NSHomeDirectory
        "LabControl/Actions/HostPortHolders.swift",  // trimmingCharacters
        "LabControl/Actions/SecretMasker.swift",  // NSLock
        "LabExposure/TraefikLabels.swift",  // trimmingCharacters
        "LabExposure/TunnelReader.swift",  // trimmingCharacters, JSONSerialization, replacingOccurrences
        "LabProbes/HTTPProbe.swift",  // JSONSerialization, replacingOccurrences
        "LabModel/Support/Elapsed.swift",  // String(format:)
        "LabReport/InspectDocument.swift",  // JSONSerialization
        "LabReport/StatusReport.swift",  // ISO8601DateFormatter
        "LabRoadmap/CheckCredentials.swift",  // range(of:)
        "LabRoadmap/MetricChecker+Lab.swift",  // addingPercentEncoding, JSONSerialization, ISO8601DateFormatter, range(of:)
        "LabRoadmap/MetricChecker.swift",  // JSONSerialization
        "LabControl/State/StateStore.swift",  // NSString, DateFormatter, NSHomeDirectory
        "LabControl/State/AtomicFile.swift",  // NSString, localizedDescription
        "ailab/ActionCLI.swift",  // trimmingCharacters, NSLock, FileHandle
        "ailab/Console/ConsoleCommand.swift",  // Thread
        "ailab/GlobalOptions.swift",  // FileHandle
        "ailab/MapCommand.swift",  // FileHandle
        "ailab/RoadmapText.swift",  // DateFormatter, padding(toLength:)
        "ailab/StatusCommand.swift",  // FileHandle
        "ailab/StatusTable.swift",  // padding(toLength:)
        "ailab/TerminalText.swift",  // FileHandle
    ]
}
