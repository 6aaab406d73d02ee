// swift-tools-version:6.0
import Foundation
import PackageDescription

// scripts/fuzz.sh (and only it: a dynamic library cannot link the static Swift runtime of
// release builds) sets AILAB_FUZZ_VIEWS=1 to link the view path's fuzz target for libFuzzer.
let fuzzProducts: [Product] = ProcessInfo.processInfo.environment["AILAB_FUZZ_VIEWS"] == "1"
    ? [.library(name: "FuzzViews", type: .dynamic, targets: ["FuzzViews"])] : []

let package = Package(
    name: "ailab",
    platforms: [.macOS(.v15)],
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
        .target(
            name: "LabCatalog",
            dependencies: ["LabYAML"],
            // Compiled in (Embedded/, scripts/embed-resources.py): the binary is the whole program.
            exclude: ["Resources"]
        ),
        .target(
            name: "DockerClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "LabControl", dependencies: ["LabCatalog", "DockerClient"]),
        .target(
            name: "Canvas",
            dependencies: ["LabYAML"],
            exclude: ["Resources"]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["Canvas", "CNcursesw"]),
        .target(name: "Console", dependencies: ["Canvas", "LabControl", "LabCatalog"]),
        .target(name: "ConsoleViews", dependencies: ["Canvas", "Console", "LabControl", "LabCatalog"]),
        // The commit `make` writes into .build/ailab-build-info.h; "unknown" without it.
        .target(name: "CBuildInfo"),
        .executableTarget(
            name: "ailab",
            dependencies: [
                "LabCatalog", "DockerClient", "LabControl", "Canvas", "CursesTerminal", "Console", "ConsoleViews", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: the figures in the README, measured against a private engine.
        .executableTarget(
            name: "ailab-bench",
            dependencies: ["LabCatalog", "DockerClient", "LabControl", "Canvas", "Console", "ConsoleViews", "ChildSpawn"],
            path: "Benchmarks/ailab-bench"
        ),
        // From decoded engine answers to a rendered frame, under libFuzzer (scripts/fuzz.sh).
        .target(name: "FuzzViews", dependencies: ["DockerClient", "LabControl", "LabCatalog", "Canvas", "Console", "ConsoleViews"], path: "Fuzz/Views"),
        // posix_spawn for the tests and the benchmark; outside Sources/: ailab starts no processes.
        .target(name: "ChildSpawn", path: "Tools/ChildSpawn"),
        .testTarget(name: "LabCatalogTests", dependencies: ["LabCatalog"]),
        .testTarget(name: "LabYAMLTests", dependencies: ["LabYAML"]),
        .testTarget(name: "DockerClientTests", dependencies: ["DockerClient", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "ConsoleTests", dependencies: ["Canvas", "Console", "ConsoleViews", "LabControl", "LabCatalog", "DockerClient"], exclude: ["Snapshots"]),
        .testTarget(name: "LabControlTests", dependencies: ["LabControl", "LabCatalog", "DockerClient", "ailab", "ChildSpawn"]),
    ]
)
