import LabReport

extension InspectState {
    /// Whether `line` of the document shows a masked secret, so the view draws it in the secret
    /// role without knowing how `InspectDocument` masks.
    public func showsSecret(_ line: String) -> Bool { line.contains(InspectDocument.mask) }
}
