// swift-tools-version:6.0
import Foundation
import PackageDescription

// scripts/fuzz.sh (and only it: a dynamic library cannot link the static Swift runtime of
// release builds) sets AILAB_FUZZ_VIEWS=1 to link the view path's fuzz target for libFuzzer.
let fuzzProducts: [Product] = ProcessInfo.processInfo.environment["AILAB_FUZZ_VIEWS"] == "1"
    ? [.library(name: "FuzzViews", type: .dynamic, targets: ["FuzzViews"])] : []

// Linux only, so no `platforms:`: the console needs Glibc (stat's st_ctim, ioctl), ncursesw
// from apt and a Linux Docker engine; macOS was named here but never built.
let package = Package(
    name: "ailab",
    products: [
        .executable(name: "ailab", targets: ["ailab"]),
        .library(name: "DockerClient", targets: ["DockerClient"]),
    ] + fuzzProducts,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // TLS to tcp:// engines (DOCKER_TLS_VERIFY, a context's TLS material): BoringSSL is built
        // in, so no system OpenSSL is needed (it adds about 3 minutes to a clean debug build here).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // ailab's own YAML reader and writer: Yams needs full Foundation, whose ICU data is most of a binary.
        .target(name: "LabYAML"),
        // Text, numbers, paths, dates, JSON values and plain threads without full Foundation
        // (whose ICU data was most of the binary, issue 17): what every other target shares.
        .target(name: "Basics"),
        .target(
            name: "LabCatalog",
            dependencies: ["LabYAML", "Basics"],
            // Compiled in (Embedded/, scripts/embed-resources.py): the binary is the whole program.
            exclude: ["Resources"]
        ),
        .target(
            name: "DockerClient",
            dependencies: [
                "Basics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The lab, by concern; ARCHITECTURE.md draws the arrows and ArchitectureTests holds them.
        // The lab's model: which container is which service, conditions, the map's edges (no I/O).
        .target(name: "LabModel", dependencies: ["Basics", "LabCatalog", "DockerClient"]),
        // Host-side sockets to the lab's services (probes, GETs), each through DockerClient's transport.
        .target(name: "LabProbes", dependencies: ["Basics", "LabModel", "LabCatalog", "DockerClient"]),
        // The lab read from the engine: one snapshot, then live updates from its events.
        .target(name: "LabLive", dependencies: ["Basics", "LabModel", "LabProbes", "LabCatalog", "DockerClient"]),
        // Who can reach what: published ports, Traefik routes, tunnels, auth.
        .target(name: "LabExposure", dependencies: ["Basics", "LabModel", "LabProbes", "LabCatalog", "DockerClient"]),
        // Actions on the lab: planner, preflight, runner, secrets, the state file and the action log.
        .target(name: "LabControl", dependencies: ["Basics", "LabModel", "LabProbes", "LabLive", "LabExposure", "LabCatalog", "DockerClient"]),
        // The roadmap: metric checks and marks.
        .target(name: "LabRoadmap", dependencies: ["Basics", "LabModel", "LabProbes", "LabControl", "LabCatalog", "DockerClient"]),
        // What `ailab status/roadmap/map/expose` print: tables' data and JSON.
        .target(name: "LabReport", dependencies: ["Basics", "LabModel", "LabExposure", "LabControl", "LabRoadmap", "LabCatalog", "DockerClient"]),
        .target(
            name: "Canvas",
            dependencies: ["LabYAML", "Basics"],
            exclude: ["Resources"]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["Basics", "Canvas", "CNcursesw"]),
        .target(name: "Console", dependencies: ["Basics", "Canvas", "DockerClient", "LabModel", "LabLive", "LabExposure", "LabControl", "LabRoadmap", "LabReport", "LabCatalog"]),
        .target(name: "ConsoleViews", dependencies: ["Basics", "Canvas", "Console", "LabModel", "LabLive", "LabExposure", "LabControl", "LabReport", "LabCatalog"]),
        // What the console's effects do (stats, logs, probes, actions, files), each a task posting
        // into the inbox; the engine behind `EffectEngine`, so tests run it against a fake.
        .target(name: "ConsoleEffects", dependencies: [
            "Basics", "Console", "LabModel", "LabExposure", "LabControl", "LabRoadmap", "LabReport", "LabCatalog", "DockerClient",
        ]),
        // The commit `make` writes into .build/ailab-build-info.h; "unknown" without it.
        .target(name: "CBuildInfo"),
        .executableTarget(
            name: "ailab",
            dependencies: [
                "Basics", "LabCatalog", "DockerClient", "LabModel", "LabLive", "LabExposure", "LabControl", "LabRoadmap", "LabReport",
                "Canvas", "CursesTerminal", "Console", "ConsoleViews", "ConsoleEffects", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: the figures in the README, measured against a private engine.
        .executableTarget(
            name: "ailab-bench",
            dependencies: [
                "LabCatalog", "DockerClient", "LabModel", "LabControl", "LabRoadmap", "Canvas", "Console", "ConsoleViews", "ConsoleEffects", "ChildSpawn",
            ],
            path: "Benchmarks/ailab-bench"
        ),
        // From decoded engine answers to a rendered frame, under libFuzzer (scripts/fuzz.sh).
        .target(name: "FuzzViews", dependencies: ["DockerClient", "LabModel", "LabLive", "LabCatalog", "Canvas", "Console", "ConsoleViews"], path: "Fuzz/Views"),
        // posix_spawn for the tests and the benchmark; outside Sources/: ailab starts no processes.
        .target(name: "ChildSpawn", path: "Tools/ChildSpawn"),
        .testTarget(name: "LabCatalogTests", dependencies: ["LabCatalog"]),
        .testTarget(name: "LabYAMLTests", dependencies: ["LabYAML"]),
        .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
        // Reads ARCHITECTURE.md and every import under Sources/ (no target dependency needed).
        .testTarget(name: "ArchitectureTests"),
        // What several test targets share: waiting for a condition, free ports, the private engine.
        .target(name: "TestSupport", dependencies: ["DockerClient"], path: "Tests/TestSupport"),
        .testTarget(name: "ConsoleEffectsTests", dependencies: ["Basics", "ConsoleEffects", "TestSupport", "Console", "LabModel", "LabControl", "LabRoadmap", "LabCatalog", "DockerClient"]),
        .testTarget(name: "DockerClientTests", dependencies: ["DockerClient", "TestSupport", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "ConsoleTests", dependencies: ["Basics", "Canvas", "Console", "ConsoleViews", "LabModel", "LabLive", "LabControl", "LabReport", "LabCatalog", "DockerClient"], exclude: ["Snapshots"]),
        .testTarget(name: "LabControlTests", dependencies: [
            "LabModel", "LabProbes", "LabLive", "LabExposure", "LabControl", "LabRoadmap", "LabReport", "LabCatalog", "DockerClient", "ailab", "ChildSpawn",
            "ConsoleEffects", "TestSupport", "Basics",
        ]),
        // The private engine and tmux: the whole program, end to end (scripts/test-passes.sh runs these one at a time).
        .testTarget(name: "EndToEndTests", dependencies: [
            "LabModel", "LabProbes", "LabLive", "LabExposure", "LabControl", "LabRoadmap", "LabReport", "LabCatalog", "DockerClient", "ailab", "ChildSpawn",
            "ConsoleEffects", "TestSupport", "Basics",
        ]),
    ]
)
