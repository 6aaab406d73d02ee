/// The files under Sources/ that still import full Foundation (issue 17), each with the APIs it
/// uses that FoundationEssentials lacks; `FullFoundationImportTests` keeps the list exact. It
/// must reach empty before the binary drops ICU: one file is enough to link it all.
enum FullFoundationRemaining {
    static let files: Set<String> = [
        "DockerClient/Transport/SSHAddress.swift",  // merged from issue 16a, not yet looked at
        "DockerClient/Transport/SSHDialer.swift",  // merged from issue 16a, not yet looked at
        "CursesTerminal/ExitDeadline.swift",  // Thread
        "DockerClient/API/DockerClient.swift",  // trimmingCharacters
        "DockerClient/API/QueryString.swift",  // CharacterSet, addingPercentEncoding, JSONSerialization
        "DockerClient/Models/EngineEvent.swift",  // trimmingCharacters
        "DockerClient/Streams/EventFollower.swift",  // String(format:)
        "DockerClient/Swarm/DockerClient+Swarm.swift",  // JSONSerialization
        "DockerClient/Swarm/DockerClient+SwarmServices.swift",  // JSONSerialization
        "DockerClient/Transport/DockerEndpoint.swift",  // trimmingCharacters
        "DockerClient/Transport/SocketWatch.swift",  // NSString, Thread
        "LabCatalog/Loader/CatalogOptions.swift",  // NSString
        "LabCatalog/Loader/ComposeFileReader+Extends.swift",  // NSString
        "LabCatalog/Loader/ComposeFileReader.swift",  // NSString
        "LabCatalog/Loader/ComposeProject+Config.swift",  // JSONSerialization, NSNull
        "LabCatalog/Loader/ComposeProject.swift",  // NSString
        "LabCatalog/Loader/ComposeSyntax.swift",  // trimmingCharacters
        "LabCatalog/Loader/DotEnv.swift",  // range(of:)
        "LabModel/Snapshot/ContainerBlueprint.swift",  // NSHomeDirectory
        "LabExposure/TraefikLabels.swift",  // trimmingCharacters
        "LabExposure/TunnelReader.swift",  // trimmingCharacters, JSONSerialization, replacingOccurrences
        "LabProbes/HTTPProbe.swift",  // JSONSerialization
        "LabProbes/JSONPointer.swift",  // replacingOccurrences (split out of HTTPProbe.swift, issue 18)
        "LabModel/Support/Elapsed.swift",  // String(format:)
    ]
}
