/// The labels docker compose puts on containers (docker/compose pkg/api/labels.go).
public enum ComposeLabel {
    public static let project = "com.docker.compose.project"
    public static let service = "com.docker.compose.service"
    public static let containerNumber = "com.docker.compose.container-number"
    public static let oneoff = "com.docker.compose.oneoff"
    public static let configHash = "com.docker.compose.config-hash"
    public static let dependsOn = "com.docker.compose.depends_on"
    public static let version = "com.docker.compose.version"
}
