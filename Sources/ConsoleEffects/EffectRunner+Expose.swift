import Console
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LabCatalog
import LabControl
import LabModel
import LabExposure

extension EffectRunner {
    /// `E`/`U` on the Exposure screen, as `ailab expose`/`unexpose` do it. The console plans
    /// with the first installed tunnel that can carry the service (else the route alone); a
    /// token the tunnel needs comes from ailab's environment, never typed into the console.
    func expose(_ effect: Effect, snapshot: LabSnapshot) {
        let environment = ProcessInfo.processInfo.environment
        let directory = roadmap.store.directory
        let exposer = Exposer(catalog: snapshot.catalog, secrets: SecretStore(stateDirectory: directory, environment: environment), environment: environment)
        let (inbox, engine) = (inbox, engine)
        switch effect {
        case .planExpose(let service):
            tasks.start {
                let (findings, unchecked) = await engine.checkExposure(snapshot)
                let exposures = ExposureJudge.judge(snapshot, auth: findings, unchecked: unchecked, extras: ExposureExtras.read(exposer.files))
                var plans = ExposeVia.allCases.compactMap { via in try? exposer.plan(service, via: via, exposures: exposures) }
                    .filter { plan in plan.tunnelService.flatMap { snapshot.status(of: $0)?.isInstalled } == true }
                do throws(ExposeError) { plans.append(try exposer.plan(service, via: nil, exposures: exposures)) } catch {
                    inbox.post(.notice("expose \(service) refused: \(error.description)"))
                    return
                }
                let plan = plans[0]
                if let missing = plan.providedSecrets.first(where: { (environment[$0] ?? "").isEmpty }) {
                    inbox.post(.notice("expose \(service): \(plan.tunnelService ?? "the tunnel") needs \(missing): set it in ailab's environment, or run `ailab expose \(service)` on the command line"))
                    return
                }
                inbox.post(.exposePlanned(plan))
            }
        case .applyExpose(let plan):
            // Writes the lab's expose files and secrets: off the UI thread, like every effect with I/O.
            tasks.start {
                do {
                    for name in plan.providedSecrets { _ = try exposer.secrets.ensure(name, spec: SecretSpec(provided: true)) }
                    let said = try exposer.apply(plan)
                    inbox.post(.notice("expose \(plan.service): done · " + said.joined(separator: " · ")))
                } catch let error as ExposeError {
                    inbox.post(.notice("expose \(plan.service) \(error.refused ? "refused" : "failed"): \(error.description)"))
                } catch {
                    inbox.post(.notice("expose \(plan.service) failed: \(error)"))
                }
                inbox.post(.exposureFiles(ExposureExtras.read(exposer.files)))
            }
        case .unexpose(let service):
            tasks.start {
                do throws(ExposeError) {
                    let said = try exposer.unexpose(service)
                    inbox.post(.notice(said.isEmpty ? "\(service) is not exposed; nothing to do" : "unexpose \(service): done · " + said.joined(separator: " · ")))
                } catch {
                    inbox.post(.notice("unexpose \(service) \(error.refused ? "refused" : "failed"): \(error.description)"))
                }
                inbox.post(.exposureFiles(ExposureExtras.read(exposer.files)))
            }
        default: break
        }
    }
}
