import ArgumentParser
import Canvas
import Console
import CursesTerminal
import Basics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LabControl
import LabLive

struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the live console (the default when ailab is run with no command).",
        discussion: "Press ? inside for the keys. Themes: default, light, high-contrast, monochrome, or a YAML file; NO_COLOR turns colour off."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        MallocArenas.limit(to: 2)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            Stderr.line("ailab: the console needs a terminal (stdin and stdout are not both one); for scripts use `ailab status` or `ailab status --json`")
            throw ExitCode(1)
        }
        let engines = try options.engineTargets().map { EngineSetLoader.Engine(name: $0.name, client: $0.client(requestTimeout: options.requestTimeout)) }
        let client = engines[0].client
        // Ask the engine its API version, then its version and containers, while the catalog,
        // the theme and ncurses are set up: the first frame of the lab then waits for no round
        // trip begun after them (the list is a few milliseconds old when drawn, and the resync
        // that follows as the event stream connects reads everything again).
        let firstLook = Task.detached {
            _ = try? await client.apiVersion()
            return try await LiveLab.look(client)
        }
        let catalog = try options.loadCatalog(printWarnings: false)  // the header counts them; ? lists them
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeCatalog.resolve(option: options.theme, environment: options.environment)
        } catch {
            Stderr.line("ailab: theme \(error)")
            throw ExitCode(3)
        }
        let keys: KeyTable
        switch KeyMapLoader.load(environment: options.environment) {
        case .success(let table): keys = table
        case .failure(let errors):
            Stderr.line("ailab: the key-map file has problems (nothing was started):\n\(errors)")
            throw ExitCode(3)
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: chosenTheme, environment: options.environment)
        } catch {
            Stderr.line("ailab: \(error)")
            throw ExitCode(1)
        }
        let store = StateStore(directory: StateStore.defaultDirectory(environment: options.environment))
        let app = ConsoleApp(terminal: terminal, client: client, catalog: catalog, store: store, masker: options.masker(), keys: keys, firstLook: firstLook)
        app.watch(engines, catalog: catalog, store: store)
        // The UI loop blocks in poll: give it a thread of its own, not one of the few the
        // concurrency pool has.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let started = DetachedThread.start {
                Self.nameThisThread("ailab-ui")
                app.run()
                done.resume()
            }
            // No thread to be had (a process limit): the loop takes this pool thread instead.
            if !started {
                app.run()
                done.resume()
            }
        }
        // Ctrl-\ (SIGQUIT) quits cleanly too, but says so the way a shell would: 128 + 3.
        if SignalPipe.endingSignal != 0 { throw ExitCode(128 + SignalPipe.endingSignal) }
    }

    /// The name `top -H` and gdb show (Foundation's `Thread.name` set it with pthread_setname_np,
    /// which the Glibc module does not export; the kernel takes it from this file too).
    static func nameThisThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = name.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, min(15, $0.count - 1)) }
        close(fd)
    }
}
