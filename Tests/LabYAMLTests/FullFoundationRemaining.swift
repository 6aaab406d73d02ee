/// The files under Sources/ that still import full Foundation (issue 17), each with the APIs it
/// uses that FoundationEssentials lacks; `FullFoundationImportTests` keeps the list exact. It
/// must reach empty before the binary drops ICU: one file is enough to link it all.
enum FullFoundationRemaining {
    static let files: Set<String> = [
        "LabControl/Actions/PullStatus.swift",  // String(format:) (split out of ActionEvent.swift, issue 18)
        "ailab/ProgressPrinter.swift",  // FileHandle (split out of ActionCLI.swift, issue 18)
        "LabControl/Engines/DockerContexts.swift",  // merged from issue 16a, not yet looked at
        "LabControl/Engines/LastSeenFile.swift",  // merged from issue 16a, not yet looked at
        "Console/Reducer.swift",  // trimmingCharacters
        "LabControl/Actions/ActionEvent.swift",  // String(format:)
        "LabControl/Actions/ActionLog.swift",  // NSString, ISO8601DateFormatter, replacingOccurrences
        "LabControl/Actions/ActionRunner+Configs.swift",  // NSString
        "LabControl/Actions/ActionRunner+Health.swift",  // trimmingCharacters
        "LabControl/Actions/ActionRunner+Lifecycle.swift",  // NSString
        "LabControl/Actions/HostPortHolders.swift",  // trimmingCharacters
        "LabControl/Actions/SecretMasker.swift",  // NSLock
        "LabReport/InspectDocument.swift",  // JSONSerialization
        "LabReport/StatusReport.swift",  // ISO8601DateFormatter
        "LabRoadmap/CheckCredentials.swift",  // range(of:)
        "LabRoadmap/MetricChecker+Lab.swift",  // addingPercentEncoding, JSONSerialization, ISO8601DateFormatter, range(of:)
        "LabRoadmap/MetricChecker.swift",  // JSONSerialization
        "LabControl/GPU/NVMLLibrary.swift",  // dlopen
        "LabControl/Secrets/ActionRunner+Vault.swift",  // NSString
        "LabControl/Secrets/VaultClient.swift",  // JSONSerialization
        "LabControl/State/StateStore.swift",  // NSString, DateFormatter, NSHomeDirectory
        "LabControl/State/AtomicFile.swift",  // NSString, localizedDescription
        "ailab/ActionCLI.swift",  // trimmingCharacters, NSLock, FileHandle
        "ailab/Console/ConsoleApp+Shell.swift",  // DispatchSemaphore through Foundation's re-export
        "ailab/Console/ConsoleCommand.swift",  // Thread
        "ailab/Console/ShellPump.swift",  // Glibc's poll through Foundation's re-export
        "ailab/GlobalOptions.swift",  // FileHandle
        "ailab/MapCommand.swift",  // FileHandle
        "ailab/ProvidedSecret.swift",  // FileHandle, trimmingCharacters
        "ailab/RoadmapText.swift",  // DateFormatter, padding(toLength:)
        "ailab/StatusCommand.swift",  // FileHandle
        "ailab/StatusTable.swift",  // padding(toLength:)
        "ailab/TerminalText.swift",  // FileHandle
    ]
}
